// The flags every headless Chromium the project starts runs with (the e2e harness, the bench): no
// sandbox or GPU in the containers, and none of the browser's own background traffic or updates,
// which would add network requests and main-thread work that isn't the extension's.

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
