import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

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

/**
 * Opens `path` with the app's scripts (SvelteKit's `/_app/` JavaScript) held back, so a test can
 * act on the server's HTML before hydration, as a person on a slow link can. Stylesheets load:
 * they block rendering, and without a rendered page no click could land. The returned function
 * lets the scripts through and resolves once hydration is over and the router runs (SvelteKit
 * switches to manual scroll restoration then).
 */
export async function gotoBeforeHydration(page: Page, path: string): Promise<() => Promise<void>> {
	let release: () => void = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/**/*.js', async (route) => {
		await held;
		await route.continue();
	});
	await page.goto(path, { waitUntil: 'commit' });
	return async () => {
		release();
		await page.waitForFunction(() => history.scrollRestoration === 'manual');
	};
}
