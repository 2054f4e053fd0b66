import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { gotoBeforeHydration, launchBrowser } from '../support/browser.js';
import { DEMO_PASSWORD, startAppServer, type AppServer } from '../support/app-server.js';

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

describe('smoke: the seeded board in Chromium', () => {
	it('logs in, lists the board, and shows the lane of Sở Thông tin và Truyền thông with its cards', async () => {
		const page = await browser.newPage();
		await page.goto(`${app.baseUrl}/`);
		await expect.poll(() => page.url()).toContain('/login');
		await expect(page.getByText('Tài khoản dùng thử').count()).resolves.toBe(1);
		await page.getByLabel('Tên đăng nhập').fill('sotttt');
		await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
		await page.getByRole('button', { name: 'Đăng nhập' }).click();
		await page.waitForURL(`${app.baseUrl}/`);
		const link = page.getByTestId('plan-link');
		await expect(link.textContent()).resolves.toContain('thông tin đối ngoại năm 2024');
		await link.click();
		await page.waitForURL(/\/plans\/gia-lai-2024/);
		await expect(page.getByTestId('plan-title').textContent()).resolves.toMatch(
			/thông tin đối ngoại năm 2024/
		);
		const lane = page.locator('[data-testid="lane"][data-agency="so-tttt"]');
		await expect(lane.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(
			'Sở Thông tin và Truyền thông'
		);
		const numbers = await lane.locator('[data-testid="card"] .number').allTextContents();
		expect(numbers).toEqual(
			expect.arrayContaining(['II.1', 'II.2', 'II.3', 'II.6.1', 'II.6.2', 'III.3'])
		);
		await page.close();
	});

	it('answers a wrong password with a clear Vietnamese message', async () => {
		const page = await browser.newPage();
		await page.goto(`${app.baseUrl}/login`);
		await page.getByLabel('Tên đăng nhập').fill('sotttt');
		await page.getByLabel('Mật khẩu').fill('wrong-password!');
		await page.getByRole('button', { name: 'Đăng nhập' }).click();
		await expect(page.getByRole('alert').textContent()).resolves.toContain(
			'Tên đăng nhập hoặc mật khẩu không đúng'
		);
		await expect(page.getByLabel('Tên đăng nhập').inputValue()).resolves.toBe('sotttt');
		await page.close();
	});

	it('keeps a username typed before the page script ran, so a slow phone can still log in', async () => {
		const page = await browser.newPage();
		const hydrate = await gotoBeforeHydration(page, `${app.baseUrl}/login`);
		await page.getByLabel('Tên đăng nhập').fill('sotttt');
		await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
		await hydrate();
		await expect(page.getByLabel('Tên đăng nhập').inputValue()).resolves.toBe('sotttt');
		await page.getByRole('button', { name: 'Đăng nhập' }).click();
		await page.waitForURL(`${app.baseUrl}/`);
		await page.close();
	});
});
