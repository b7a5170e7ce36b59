/**
 * How the browser tests and the page benchmark start the system Chromium (test tools
 * cannot download browsers here): headless, sandbox off, and nothing the browser would
 * fetch for itself (updates, sync, background networking).
 */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
