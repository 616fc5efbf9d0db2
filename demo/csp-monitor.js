// Records Content Security Policy violations on the demo pages, so a test
// (and anyone with the console open) can see that there are none.
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  const entry = { directive: event.effectiveDirective, blocked: event.blockedURI, sample: event.sample };
  window.__cspViolations.push(entry);
  console.error('CSP violation', entry);
});
