/**
 * The "Partnership widget" block in the editor: plain JavaScript on WordPress's own
 * globals (no build step). The block is dynamic: it saves only its attributes and
 * the page is rendered by PHP (render_callback), so the preview is the server's
 * rendering, where the widget itself runs and shows its own messages. Pasted data
 * is checked by the plugin's REST route as you type; problems are listed in the
 * block and saving is locked until they are fixed (the server checks again on save).
 */
(function (wp) {
  'use strict';
  const { registerBlockType } = wp.blocks;
  const { useBlockProps, InspectorControls, MediaUpload, MediaUploadCheck } = wp.blockEditor;
  const { PanelBody, SelectControl, TextControl, TextareaControl, Button, Notice } = wp.components;
  const { createElement: el, Fragment, useEffect, useState } = wp.element;
  const { __, sprintf } = wp.i18n;
  const ServerSideRender = wp.serverSideRender;

  const WIDGETS = [
    { value: 'kpi-quarter-table', label: __('KPI table by quarter or year', 'partnership-widgets') },
    { value: 'attendance-by-sector', label: __('Attendance by sector', 'partnership-widgets') },
    { value: 'training-trend', label: __('Training trend', 'partnership-widgets') },
  ];

  // Pasted data is stored with %, <, > and & escaped, so that WordPress's filter of block
  // attributes (for people without unfiltered_html) leaves it as it is (see the PHP).
  const encodeData = (text) => text.replace(/[%<>&]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  const decodeData = (text) => (text || '').replace(/%(25|3C|3E|26)/gi, (m) => decodeURIComponent(m));

  function useProblems(attributes, clientId) {
    const [problems, setProblems] = useState([]);
    const inline = attributes.dataSource === 'inline';
    useEffect(() => {
      if (!inline) {
        setProblems([]);
        return undefined;
      }
      let cancelled = false;
      const timer = setTimeout(() => {
        wp.apiFetch({
          path: '/partnership-widgets/v1/check',
          method: 'POST',
          data: { data: decodeData(attributes.data), format: attributes.dataFormat },
        }).then(
          (result) => !cancelled && setProblems(result.problems || []),
          (error) => !cancelled && setProblems([error.message || String(error)]),
        );
      }, 400);
      return () => {
        cancelled = true;
        clearTimeout(timer);
      };
    }, [inline, attributes.data, attributes.dataFormat]);
    useEffect(() => {
      const editor = wp.data.dispatch('core/editor');
      if (!editor || !editor.lockPostSaving) return undefined;
      const lock = 'partnership-widgets-' + clientId;
      if (problems.length) editor.lockPostSaving(lock);
      else editor.unlockPostSaving(lock);
      return () => editor.unlockPostSaving(lock);
    }, [problems.length, clientId]);
    return problems;
  }

  function dataControls(attributes, setAttributes) {
    const source = attributes.dataSource;
    const controls = [
      el(SelectControl, {
        key: 'source',
        label: __('Data', 'partnership-widgets'),
        value: source,
        options: [
          { value: 'media', label: __('A file from the media library (.json or .csv)', 'partnership-widgets') },
          { value: 'url', label: __('An address (URL)', 'partnership-widgets') },
          { value: 'inline', label: __('Pasted JSON or CSV, kept in the page', 'partnership-widgets') },
        ],
        onChange: (value) => setAttributes({ dataSource: value }),
      }),
    ];
    if (source === 'media') {
      controls.push(
        el(
          MediaUploadCheck,
          {
            key: 'media',
            fallback: el(
              'p',
              null,
              __('You cannot upload files: use an address or paste the data.', 'partnership-widgets'),
            ),
          },
          el(MediaUpload, {
            allowedTypes: ['application/json', 'text/csv'],
            value: attributes.mediaId,
            onSelect: (media) => setAttributes({ mediaId: media.id, src: media.url }),
            render: ({ open }) =>
              el(
                'div',
                null,
                el(
                  Button,
                  { variant: 'secondary', onClick: open },
                  __('Choose or upload a data file', 'partnership-widgets'),
                ),
                attributes.src ? el('p', null, attributes.src) : null,
              ),
          }),
        ),
      );
    } else if (source === 'url') {
      controls.push(
        el(TextControl, {
          key: 'src',
          label: __('Address of a JSON or CSV file', 'partnership-widgets'),
          type: 'url',
          value: attributes.src,
          onChange: (value) => setAttributes({ src: value }),
        }),
      );
    } else {
      controls.push(
        el(SelectControl, {
          key: 'format',
          label: __('Format', 'partnership-widgets'),
          value: attributes.dataFormat,
          options: [
            { value: 'json', label: 'JSON' },
            { value: 'csv', label: 'CSV (measure,period,value…)' },
          ],
          onChange: (value) => setAttributes({ dataFormat: value }),
        }),
        el(TextareaControl, {
          key: 'data',
          label: __('Data', 'partnership-widgets'),
          rows: 10,
          value: decodeData(attributes.data),
          onChange: (value) => setAttributes({ data: encodeData(value) }),
        }),
      );
    }
    return controls;
  }

  function Edit({ attributes, setAttributes, clientId }) {
    const problems = useProblems(attributes, clientId);
    const blockProps = useBlockProps();
    const inspector = el(
      InspectorControls,
      null,
      el(
        PanelBody,
        { title: __('Widget and data', 'partnership-widgets') },
        el(SelectControl, {
          label: __('Widget', 'partnership-widgets'),
          value: attributes.widget,
          options: WIDGETS,
          onChange: (value) => setAttributes({ widget: value }),
        }),
        ...dataControls(attributes, setAttributes),
      ),
      el(
        PanelBody,
        { title: __('Display', 'partnership-widgets'), initialOpen: false },
        el(TextControl, {
          label: __('Heading (default: the data’s title)', 'partnership-widgets'),
          value: attributes.heading,
          onChange: (value) => setAttributes({ heading: value }),
        }),
        el(SelectControl, {
          label: __('Heading level', 'partnership-widgets'),
          value: String(attributes.headingLevel),
          options: [2, 3, 4, 5, 6].map((n) => ({ value: String(n), label: 'H' + n })),
          onChange: (value) => setAttributes({ headingLevel: Number(value) }),
        }),
        el(SelectControl, {
          label: __('Show first', 'partnership-widgets'),
          value: attributes.view,
          options: [
            { value: '', label: __('The widget’s default', 'partnership-widgets') },
            { value: 'table', label: __('Table', 'partnership-widgets') },
            { value: 'chart', label: __('Chart', 'partnership-widgets') },
          ],
          onChange: (value) => setAttributes({ view: value }),
        }),
        el(TextControl, {
          label: __('Reporting year (e.g. 2021-22; default the latest)', 'partnership-widgets'),
          value: attributes.year,
          onChange: (value) => setAttributes({ year: value }),
        }),
        el(SelectControl, {
          label: __('Language', 'partnership-widgets'),
          value: attributes.lang,
          options: [
            { value: '', label: __('The page’s language', 'partnership-widgets') },
            { value: 'en', label: 'English' },
            { value: 'cy', label: 'Cymraeg' },
          ],
          onChange: (value) => setAttributes({ lang: value }),
        }),
        el(TextControl, {
          label: __('Figures as at (YYYY-MM-DD, for a board paper)', 'partnership-widgets'),
          value: attributes.asAt,
          onChange: (value) => setAttributes({ asAt: value }),
        }),
      ),
    );
    const notice = problems.length
      ? el(
          Notice,
          { status: 'error', isDismissible: false },
          el(
            'p',
            null,
            sprintf(
              __('The data has %d problem(s); the post cannot be saved until they are fixed:', 'partnership-widgets'),
              problems.length,
            ),
          ),
          el(
            'ul',
            null,
            problems.map((problem, i) => el('li', { key: i }, problem)),
          ),
        )
      : null;
    return el(
      Fragment,
      null,
      inspector,
      el(
        'div',
        blockProps,
        notice,
        el(ServerSideRender, { block: 'partnership-widgets/widget', attributes, httpMethod: 'POST' }),
      ),
    );
  }

  registerBlockType('partnership-widgets/widget', {
    edit: Edit,
    save: () => null,
  });
})(window.wp);
