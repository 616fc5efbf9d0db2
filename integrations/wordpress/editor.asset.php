<?php
// Dependencies of editor.js (plain JavaScript on WordPress's globals; no build step).
return array(
	'dependencies' => array( 'wp-api-fetch', 'wp-block-editor', 'wp-blocks', 'wp-components', 'wp-data', 'wp-element', 'wp-i18n', 'wp-server-side-render' ),
	'version'      => '0.2.0',
);
