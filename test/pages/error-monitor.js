// Records uncaught errors and console errors/warnings on a test page.
window.__pageErrors = [];
window.addEventListener('error', (e) => window.__pageErrors.push(`error: ${e.message}`));
window.addEventListener('unhandledrejection', (e) => window.__pageErrors.push(`rejection: ${String(e.reason)}`));
for (const level of ['error', 'warn']) {
  const original = console[level].bind(console);
  console[level] = (...args) => {
    window.__pageErrors.push(`${level}: ${args.map(String).join(' ')}`);
    original(...args);
  };
}
