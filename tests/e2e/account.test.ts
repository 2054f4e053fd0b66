import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '../support/app-server.js';
import { gotoBeforeHydration, launchBrowser } from '../support/browser.js';
import { signedInContext } from './board-helpers.js';

let app: AppServer;
let browser: Browser;
let closeBrowser: () => Promise<void>;

beforeAll(async () => {
	app = await startAppServer();
	({ browser, close: closeBrowser } = await launchBrowser());
});

afterAll(async () => {
	await closeBrowser?.();
	await app?.stop();
});

describe('account page in Chromium', () => {
	it('keeps an address typed and a box ticked before the page script ran, and saves them', async () => {
		const context = await signedInContext({ browser, baseUrl: app.baseUrl, username: 'bdbp' });
		try {
			const page = await context.newPage();
			const hydrate = await gotoBeforeHydration(page, '/account');
			const email = page.getByTestId('account-email-input');
			const digest = page.getByTestId('account-digest');
			const wasTicked = await digest.isChecked();
			await email.fill('can-bo@bdbp.gialai.gov.vn');
			await digest.setChecked(!wasTicked);
			await hydrate();
			expect(await email.inputValue()).toBe('can-bo@bdbp.gialai.gov.vn');
			expect(await digest.isChecked()).toBe(!wasTicked);
			await page.getByTestId('account-save').click();
			await page.getByTestId('account-saved').waitFor();
			await page.reload();
			expect(await page.getByTestId('account-email-input').inputValue()).toBe(
				'can-bo@bdbp.gialai.gov.vn'
			);
			expect(await page.getByTestId('account-digest').isChecked()).toBe(!wasTicked);
		} finally {
			await context.close();
		}
	});

	it('keeps an address the server refuses in the field, with the error beside it', async () => {
		const context = await signedInContext({ browser, baseUrl: app.baseUrl, username: 'ducco' });
		try {
			const page = await context.newPage();
			await page.goto('/account');
			await page.waitForFunction(() => history.scrollRestoration === 'manual');
			await page.getByTestId('account-email-input').fill('canbo@bienphong');
			await page.getByTestId('account-save').click();
			await page.getByTestId('account-error').waitFor();
			expect(await page.getByTestId('account-email-input').inputValue()).toBe('canbo@bienphong');
		} finally {
			await context.close();
		}
	});
});
