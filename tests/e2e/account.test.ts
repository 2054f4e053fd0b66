import { describe, expect, it } from 'vitest';
import { gotoBeforeHydration } from '../support/browser.js';
import { boardSuite } from './board-helpers.js';

// The suite's server, browser and signed-in contexts (closed after the file).
const { context: signedIn } = boardSuite();

describe('account page in Chromium', () => {
	it('keeps an address typed and a box ticked before the page script ran, and saves them', async () => {
		const page = await (await signedIn('bdbp')).newPage();
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
	});

	it('keeps an address the server refuses in the field, with the error beside it', async () => {
		const page = await (await signedIn('ducco')).newPage();
		await page.goto('/account');
		await page.waitForFunction(() => history.scrollRestoration === 'manual');
		await page.getByTestId('account-email-input').fill('canbo@bienphong');
		await page.getByTestId('account-save').click();
		await page.getByTestId('account-error').waitFor();
		expect(await page.getByTestId('account-email-input').inputValue()).toBe('canbo@bienphong');
	});
});
