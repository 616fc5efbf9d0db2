<?php
/**
 * Plugin Name:       Partnership widgets
 * Plugin URI:        https://github.com/partnership-widgets/partnership-widgets
 * Description:       Accessible dashboard widgets for safeguarding partnerships (KPI tables, attendance by sector, training trends) as a block and a shortcode, for every role that writes posts: the data is kept in the block and the page is rendered on the server, so nothing relies on posting scripts.
 * Version:           0.2.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            partnership-widgets contributors
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       partnership-widgets
 *
 * @package PartnershipWidgets
 */

defined( 'ABSPATH' ) || exit;

const PARTNERSHIP_WIDGETS_VERSION = '0.2.0';
const PARTNERSHIP_WIDGETS_TYPES   = array( 'kpi-quarter-table', 'attendance-by-sector', 'training-trend' );

require_once __DIR__ . '/includes/validate.php';

/**
 * Registers the bundle, the block (from block.json, rendered by PHP) and the shortcode.
 */
function partnership_widgets_init() {
	wp_register_script(
		'partnership-widgets',
		plugins_url( 'dist/partnership-widgets.js', __FILE__ ),
		array(),
		PARTNERSHIP_WIDGETS_VERSION,
		true
	);
	register_block_type(
		__DIR__,
		array( 'render_callback' => 'partnership_widgets_render_block' )
	);
	add_shortcode( 'partnership_widget', 'partnership_widgets_shortcode' );
}
add_action( 'init', 'partnership_widgets_init' );

/**
 * The bundle is an ES module: load it with type="module" (WordPress 6.1 has no script modules API).
 *
 * @param string $tag    The script tag.
 * @param string $handle Its handle.
 * @return string
 */
function partnership_widgets_module_tag( $tag, $handle ) {
	if ( 'partnership-widgets' !== $handle ) {
		return $tag;
	}
	$tag = preg_replace( '/\stype=([\'"])[^\'"]*\1/', '', $tag );
	return preg_replace( '/<script\b/', '<script type="module"', $tag, 1 );
}
add_filter( 'script_loader_tag', 'partnership_widgets_module_tag', 10, 2 );

/** In the block editor the preview is the live widget, with the widget's own messages. */
function partnership_widgets_editor_assets() {
	wp_enqueue_script( 'partnership-widgets' );
}
add_action( 'enqueue_block_editor_assets', 'partnership_widgets_editor_assets' );

/**
 * The element for a widget, from block attributes (also used by the shortcode).
 *
 * @param array $a Attributes: widget, dataSource, src, mediaId, data, dataFormat,
 *                 heading, headingLevel, view, year, lang, asAt.
 * @return string HTML.
 */
function partnership_widgets_element( $a ) {
	$type = in_array( $a['widget'] ?? '', PARTNERSHIP_WIDGETS_TYPES, true ) ? $a['widget'] : 'kpi-quarter-table';
	$html_attrs = array();
	$source     = $a['dataSource'] ?? 'url';
	$inner      = '';
	if ( 'inline' === $source ) {
		$text = trim( partnership_widgets_decode_data( (string) ( $a['data'] ?? '' ) ) );
		if ( '' === $text ) {
			return partnership_widgets_notice( __( 'This widget has no data yet: paste JSON or CSV in the block settings.', 'partnership-widgets' ) );
		}
		if ( 'csv' === ( $a['dataFormat'] ?? 'json' ) ) {
			// Nothing inside a script element can be escaped: data that could close it is refused (validated on save too).
			if ( preg_match( '/<\/|<!--/', $text ) ) {
				return partnership_widgets_notice( __( 'This widget’s CSV contains "</" or "<!--", which cannot be placed in a page safely: paste the data as JSON instead.', 'partnership-widgets' ) );
			}
			$inner = '<script type="text/csv">' . $text . '</script>';
		} else {
			$inner = '<script type="application/json">' . partnership_widgets_json_for_script( $text ) . '</script>';
		}
	} else {
		$url = '';
		if ( 'media' === $source && ! empty( $a['mediaId'] ) ) {
			$url = (string) wp_get_attachment_url( (int) $a['mediaId'] );
		}
		if ( '' === $url ) {
			$url = (string) ( $a['src'] ?? '' );
		}
		$url = esc_url( $url, array( 'http', 'https' ) );
		if ( '' === $url ) {
			return partnership_widgets_notice( __( 'This widget has no data yet: choose a file from the media library, give an address, or paste the data.', 'partnership-widgets' ) );
		}
		$html_attrs['src'] = $url;
	}
	if ( ! empty( $a['heading'] ) ) {
		$html_attrs['heading'] = (string) $a['heading'];
	}
	$level = (int) ( $a['headingLevel'] ?? 2 );
	if ( $level >= 2 && $level <= 6 && 2 !== $level ) {
		$html_attrs['heading-level'] = (string) $level;
	}
	if ( in_array( $a['view'] ?? '', array( 'table', 'chart' ), true ) ) {
		$html_attrs['view'] = $a['view'];
	}
	if ( ! empty( $a['year'] ) && preg_match( '/^\d{4}[-\/]\d{2}(\d{2})?$/', $a['year'] ) ) {
		$html_attrs['year'] = $a['year'];
	}
	if ( in_array( $a['lang'] ?? '', array( 'en', 'cy' ), true ) ) {
		$html_attrs['lang'] = $a['lang'];
	}
	if ( ! empty( $a['asAt'] ) && preg_match( '/^\d{4}-\d{2}-\d{2}$/', $a['asAt'] ) ) {
		$html_attrs['data-as-at'] = $a['asAt'];
	}
	$attr_html = '';
	foreach ( $html_attrs as $name => $value ) {
		$attr_html .= ' ' . $name . '="' . ( 'src' === $name ? $value : esc_attr( $value ) ) . '"';
	}
	wp_enqueue_script( 'partnership-widgets' );
	return '<' . $type . $attr_html . '>' . $inner . '</' . $type . '>';
}

/**
 * Pasted data is kept in the block's "data" attribute with %, <, > and & written as
 * %25, %3C, %3E and %26. WordPress filters every string attribute of the blocks of
 * people without unfiltered_html as HTML (tags removed, "&" turned into "&amp;"),
 * which would change figures and labels such as "Police & Crime"; escaped, the data
 * passes through that filter unchanged. The editor shows and edits the plain text.
 *
 * @param string $text Plain data.
 * @return string
 */
function partnership_widgets_encode_data( $text ) {
	return strtr(
		$text,
		array(
			'%' => '%25',
			'<' => '%3C',
			'>' => '%3E',
			'&' => '%26',
		)
	);
}

/**
 * The plain data from the block's "data" attribute (see partnership_widgets_encode_data).
 *
 * @param string $text Escaped data.
 * @return string
 */
function partnership_widgets_decode_data( $text ) {
	return preg_replace_callback(
		'/%(25|3C|3E|26)/i',
		static fn( $m ) => rawurldecode( $m[0] ),
		$text
	);
}

/**
 * JSON text made safe inside <script type="application/json">: decoded and encoded
 * again with <, >, &, ' and " as \u escapes, so "</script>" or "<!--" cannot appear.
 * Text that is not JSON keeps its characters, with <, > and & escaped the same way
 * (the widget then shows its own "not valid JSON" message).
 *
 * @param string $text JSON text.
 * @return string
 */
function partnership_widgets_json_for_script( $text ) {
	$decoded = json_decode( preg_replace( '/^\xEF\xBB\xBF/', '', $text ) );
	$flags   = JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_APOS | JSON_HEX_QUOT | JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_PRESERVE_ZERO_FRACTION;
	if ( JSON_ERROR_NONE === json_last_error() ) {
		$encoded = wp_json_encode( $decoded, $flags );
		if ( false !== $encoded ) {
			return $encoded;
		}
	}
	return str_replace( array( '<', '>', '&' ), array( '\u003C', '\u003E', '\u0026' ), $text );
}

/**
 * A visible message in place of a widget that cannot be drawn.
 *
 * @param string $message The message.
 * @return string
 */
function partnership_widgets_notice( $message ) {
	return '<p class="partnership-widgets-notice" role="alert">' . esc_html( $message ) . '</p>';
}

/**
 * The block's render_callback.
 *
 * @param array $attributes Block attributes.
 * @return string
 */
function partnership_widgets_render_block( $attributes ) {
	return '<div ' . get_block_wrapper_attributes() . '>' . partnership_widgets_element( $attributes ) . '</div>';
}

/**
 * [partnership_widget type="kpi-quarter-table" src="/wp-content/uploads/kpis.json" heading_level="3"]
 * Data by address (src) or from the media library (id); pasted data belongs in the block.
 *
 * @param array|string $atts Shortcode attributes.
 * @return string
 */
function partnership_widgets_shortcode( $atts ) {
	$atts = shortcode_atts(
		array(
			'type'          => 'kpi-quarter-table',
			'src'           => '',
			'id'            => 0,
			'heading'       => '',
			'heading_level' => 2,
			'view'          => '',
			'year'          => '',
			'lang'          => '',
			'as_at'         => '',
		),
		$atts,
		'partnership_widget'
	);
	return partnership_widgets_element(
		array(
			'widget'       => $atts['type'],
			'dataSource'   => $atts['id'] ? 'media' : 'url',
			'mediaId'      => (int) $atts['id'],
			'src'          => $atts['src'],
			'heading'      => $atts['heading'],
			'headingLevel' => (int) $atts['heading_level'],
			'view'         => $atts['view'],
			'year'         => $atts['year'],
			'lang'         => $atts['lang'],
			'asAt'         => $atts['as_at'],
		)
	);
}

/**
 * .json uploads for people who can write posts and upload (.csv is allowed by WordPress already).
 *
 * @param array $mimes Allowed types.
 * @return array
 */
function partnership_widgets_upload_mimes( $mimes ) {
	if ( current_user_can( 'edit_posts' ) && current_user_can( 'upload_files' ) ) {
		$mimes['json'] = 'application/json';
		$mimes['csv']  = 'text/csv';
	}
	return $mimes;
}
add_filter( 'upload_mimes', 'partnership_widgets_upload_mimes' );

/**
 * PHP's file type detection calls JSON "application/json" or "text/plain": accept a .json
 * upload only when the file really is JSON, and check it against the data contract.
 *
 * @param array  $data     What WordPress found: ext, type, proper_filename.
 * @param string $file     Path of the uploaded file.
 * @param string $filename Its name.
 * @return array
 */
function partnership_widgets_check_filetype( $data, $file, $filename ) {
	if ( ! preg_match( '/\.json$/i', (string) $filename ) || ! empty( $data['type'] ) ) {
		return $data;
	}
	if ( ! current_user_can( 'edit_posts' ) || ! current_user_can( 'upload_files' ) ) {
		return $data;
	}
	$real = 'text/plain';
	if ( function_exists( 'finfo_open' ) ) {
		$finfo = finfo_open( FILEINFO_MIME_TYPE );
		$real  = finfo_file( $finfo, $file );
		finfo_close( $finfo );
	}
	if ( in_array( $real, array( 'application/json', 'text/plain' ), true ) ) {
		json_decode( (string) file_get_contents( $file ) );
		if ( JSON_ERROR_NONE === json_last_error() ) {
			$data = array(
				'ext'             => 'json',
				'type'            => 'application/json',
				'proper_filename' => false,
			);
		}
	}
	return $data;
}
add_filter( 'wp_check_filetype_and_ext', 'partnership_widgets_check_filetype', 10, 3 );

/**
 * Every Partnership widget block in a list of parsed blocks, nested ones included.
 *
 * @param array $blocks Parsed blocks.
 * @return array
 */
function partnership_widgets_find_blocks( $blocks ) {
	$found = array();
	foreach ( $blocks as $block ) {
		if ( 'partnership-widgets/widget' === $block['blockName'] ) {
			$found[] = $block;
		}
		if ( ! empty( $block['innerBlocks'] ) ) {
			$found = array_merge( $found, partnership_widgets_find_blocks( $block['innerBlocks'] ) );
		}
	}
	return $found;
}

/**
 * Problems with the data pasted in the widgets of a post's content.
 *
 * @param string $content Post content.
 * @return string[]
 */
function partnership_widgets_content_problems( $content ) {
	$problems = array();
	foreach ( partnership_widgets_find_blocks( parse_blocks( (string) $content ) ) as $i => $block ) {
		$attrs = $block['attrs'];
		if ( 'inline' !== ( $attrs['dataSource'] ?? 'url' ) ) {
			continue;
		}
		$text = partnership_widgets_decode_data( (string) ( $attrs['data'] ?? '' ) );
		foreach ( partnership_widgets_validate_text( $text, $attrs['dataFormat'] ?? 'json' ) as $problem ) {
			/* translators: 1: the widget's number in the post, 2: the problem. */
			$problems[] = sprintf( __( 'Partnership widget %1$d: %2$s', 'partnership-widgets' ), $i + 1, $problem );
		}
	}
	return $problems;
}

/**
 * Checks the widgets' data when a post is saved through the REST API (as the block
 * editor saves): a post with bad data is refused with every problem listed, which the
 * editor shows ("Updating failed. ...").
 *
 * @param stdClass|WP_Error $prepared The post about to be saved.
 * @return stdClass|WP_Error
 */
function partnership_widgets_rest_check( $prepared ) {
	if ( is_wp_error( $prepared ) || ! isset( $prepared->post_content ) ) {
		return $prepared;
	}
	$problems = partnership_widgets_content_problems( $prepared->post_content );
	if ( $problems ) {
		return new WP_Error( 'partnership_widgets_invalid_data', implode( ' ', $problems ), array( 'status' => 400 ) );
	}
	return $prepared;
}

/** Hooks the save check on every post type the block editor edits. */
function partnership_widgets_rest_init() {
	foreach ( get_post_types( array( 'show_in_rest' => true ) ) as $post_type ) {
		add_filter( "rest_pre_insert_{$post_type}", 'partnership_widgets_rest_check' );
	}
	register_rest_route(
		'partnership-widgets/v1',
		'/check',
		array(
			'methods'             => 'POST',
			'permission_callback' => static fn() => current_user_can( 'edit_posts' ),
			'args'                => array(
				'data'   => array(
					'type'     => 'string',
					'required' => true,
				),
				'format' => array(
					'type'    => 'string',
					'enum'    => array( 'json', 'csv' ),
					'default' => 'json',
				),
			),
			'callback'            => static fn( WP_REST_Request $request ) => rest_ensure_response(
				array( 'problems' => partnership_widgets_validate_text( $request['data'], $request['format'] ) )
			),
		)
	);
}
add_action( 'rest_api_init', 'partnership_widgets_rest_init' );

/**
 * For people whose posts are filtered (Authors, Contributors, anyone under
 * DISALLOW_UNFILTERED_HTML), the raw snippet from the README would lose its script
 * and elements and publish its JSON as text. Before the filter runs, each widget
 * element (with its inline JSON or CSV, or its src) becomes a Partnership widget block,
 * and the plugin's own script tag is dropped (the plugin loads the script itself).
 * Anything else is left to WordPress's filter as usual.
 *
 * @param string $content Post content, slashed.
 * @return string
 */
function partnership_widgets_convert_snippets( $content ) {
	if ( current_user_can( 'unfiltered_html' ) || ! is_string( $content ) || ! preg_match( '/<(kpi-quarter-table|attendance-by-sector|training-trend)\b/i', $content ) ) {
		return $content;
	}
	return wp_slash( partnership_widgets_snippets_to_blocks( wp_unslash( $content ) ) );
}
add_filter( 'content_save_pre', 'partnership_widgets_convert_snippets', 5 );

/**
 * The conversion itself (unslashed content in and out).
 *
 * @param string $content Post content.
 * @return string
 */
function partnership_widgets_snippets_to_blocks( $content ) {
	$content = preg_replace( '#<script\b[^>]*\bsrc\s*=\s*["\']?[^"\'>\s]*partnership-widgets[^"\'>\s]*["\']?[^>]*>\s*</script\s*>#i', '', $content );
	$element = '<(kpi-quarter-table|attendance-by-sector|training-trend)\b([^>]*)>\s*(?:<script\b([^>]*)>(.*?)</script\s*>)?\s*</\1\s*>';
	$convert = static function ( $m ) {
		$html  = wp_kses_hair( $m[2], array( 'http', 'https' ) );
		$get   = static fn( $name ) => isset( $html[ $name ] ) ? (string) $html[ $name ]['value'] : '';
		$attrs = array( 'widget' => strtolower( $m[1] ) );
		if ( isset( $m[4] ) && '' !== trim( $m[4] ) ) {
			$attrs['dataSource'] = 'inline';
			$attrs['dataFormat'] = preg_match( '/text\/csv/i', $m[3] ) ? 'csv' : 'json';
			$attrs['data']       = partnership_widgets_encode_data( trim( $m[4] ) );
		} else {
			$attrs['dataSource'] = 'url';
			$attrs['src']        = $get( 'src' );
		}
		foreach ( array(
			'heading'    => 'heading',
			'view'       => 'view',
			'year'       => 'year',
			'lang'       => 'lang',
			'data-as-at' => 'asAt',
		) as $name => $key ) {
			if ( '' !== $get( $name ) ) {
				$attrs[ $key ] = $get( $name );
			}
		}
		if ( '' !== $get( 'heading-level' ) ) {
			$attrs['headingLevel'] = (int) $get( 'heading-level' );
		}
		return serialize_block(
			array(
				'blockName'    => 'partnership-widgets/widget',
				'attrs'        => $attrs,
				'innerBlocks'  => array(),
				'innerHTML'    => '',
				'innerContent' => array(),
			)
		);
	};
	$classic = ! has_blocks( $content );
	// A snippet alone in a Custom HTML block becomes the block in its place.
	$content = preg_replace_callback( '#<!--\s*wp:html\s*-->\s*' . $element . '\s*<!--\s*/wp:html\s*-->#is', $convert, $content );
	$content = preg_replace_callback( '#' . $element . '#is', $convert, $content );
	$content = preg_replace( '#<!--\s*wp:html\s*-->\s*<!--\s*/wp:html\s*-->\s*#', '', $content );
	if ( $classic ) {
		// WordPress adds paragraphs to classic content only while it holds no blocks: add them now.
		$parts = preg_split( '#(<!-- wp:partnership-widgets/widget .*? /-->)#s', $content, -1, PREG_SPLIT_DELIM_CAPTURE );
		foreach ( $parts as $i => $part ) {
			$parts[ $i ] = 1 === $i % 2 ? "\n\n" . $part . "\n\n" : ( '' === trim( $part ) ? '' : wpautop( $part ) );
		}
		$content = trim( implode( '', $parts ) );
	}
	return $content;
}
