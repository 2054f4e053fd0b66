import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium; never a downloaded browser (there is no download on these machines). */
export function chromiumPath(): string {
	const candidates = [
		process.env.CHROMIUM_PATH,
		'/usr/bin/chromium',
		'/usr/bin/chromium-browser'
	].filter((p): p is string => Boolean(p));
	const found = candidates.find((p) => existsSync(p));
	if (!found) {
		throw new Error(
			`Chromium not found (looked at ${candidates.join(', ')}). Install it with "apt-get install chromium" or set CHROMIUM_PATH.`
		);
	}
	return found;
}

/**
 * Headless Chromium with the flags that keep it off the closed network. Playwright gives every
 * launch a fresh temporary profile of its own.
 */
export async function launchBrowser(): Promise<{ browser: Browser; close: () => Promise<void> }> {
	const browser = await chromium.launch({
		executablePath: chromiumPath(),
		headless: true,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync'
		]
	});
	return {
		browser,
		close: () => browser.close()
	};
}
