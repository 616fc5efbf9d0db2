/**
 * Entry of dist/partnership-widgets.js, the one script a CMS page includes. It loads the elements
 * (`partnership-widgets/elements.js`, next to it: `import()` resolves against the script's own URL,
 * from any path, as a module or a plain `<script>`), and they load their charts when one is first
 * shown or printed. No exports, no top-level names: the file parses as a classic script too.
 *
 * A page may include the script twice (two URLs or versions): the second copy stops here, before
 * Lit runs again, since a strict CSP (`trusted-types lit-html`) refuses a second 'lit-html' policy.
 */
if (!(globalThis as Record<symbol, unknown>)[Symbol.for('partnership-widgets')]) {
  (globalThis as Record<symbol, unknown>)[Symbol.for('partnership-widgets')] = true;
  import('./elements.js').catch((error: unknown) => {
    console.error('partnership-widgets: the elements could not be loaded', error);
  });
}
