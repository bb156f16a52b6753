/** Launching Debian's Chromium for browser tests and the client benchmark: headless, no GPU, localhost only. */
import { chromium, type Browser } from 'playwright-core';

/** Chromium flags for headless runs without network access beyond localhost. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Debian's package (`apt-get install chromium`); `npx playwright install` cannot work without internet. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
