// The package's browser build (one ES module with its dependencies bundled,
// which the test runner can serve as it is) has the same API as its main
// entry, whose types it does not declare.
declare module '@guidepup/virtual-screen-reader/browser.js' {
  export * from '@guidepup/virtual-screen-reader';
}
