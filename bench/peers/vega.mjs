// vega-embed with vega and vega-lite: what a Vega-Lite spec needs in a page.
export { default as embed } from 'vega-embed';
