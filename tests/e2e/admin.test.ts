import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';
import { DEMO_PASSWORD, startAppServer, type AppServer } from '../support/app-server.js';
import { connect, type Client } from '../support/harness.js';

let app: AppServer;
let browser: Browser;
let closeBrowser: () => Promise<void>;
const clients: Client[] = [];

beforeAll(async () => {
	app = await startAppServer();
	({ browser, close: closeBrowser } = await launchBrowser());
});

afterAll(async () => {
	for (const c of clients) c.destroy();
	await closeBrowser?.();
	await app?.stop();
});

async function loginAs(page: Page, username: string, password = DEMO_PASSWORD) {
	await page.goto(`${app.baseUrl}/login`);
	await page.getByLabel('Tên đăng nhập').fill(username);
	await page.getByLabel('Mật khẩu').fill(password);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await page.waitForURL(`${app.baseUrl}/`);
}

async function apiToken(username: string, password = DEMO_PASSWORD): Promise<string> {
	const res = await fetch(`${app.baseUrl}/api/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username, password })
	});
	return (await res.json()).token;
}

describe('the admin page', () => {
	it('is refused to everyone but admins', async () => {
		const page = await browser.newPage();
		await loginAs(page, 'lanhdao');
		const res = await page.goto(`${app.baseUrl}/admin`);
		expect(res?.status()).toBe(403);
		await page.close();
	});

	it('creates a user who can then log in, and rejects a short password clearly', async () => {
		const page = await browser.newPage();
		await loginAs(page, 'admin');
		await page.getByRole('link', { name: 'Quản trị' }).click();
		await page.waitForURL(`${app.baseUrl}/admin`);
		const create = page.locator('form[action="?/create"]');
		await create.getByLabel('Tên đăng nhập').fill('chuprong');
		await create.getByLabel('Họ tên').fill('Cán bộ UBND huyện Chư Prông');
		await create.getByLabel('Vai trò', { exact: true }).selectOption('officer');
		await create.getByLabel('Đơn vị', { exact: true }).selectOption('ubnd-chu-prong');
		await create.getByLabel(/Mật khẩu/).fill('ngan');
		await create
			.getByRole('button', { name: 'Tạo' })
			.evaluate((b: HTMLButtonElement) => (b.form!.noValidate = true));
		await create.getByRole('button', { name: 'Tạo' }).click();
		await expect(page.getByTestId('admin-message').textContent()).resolves.toContain(
			'ít nhất 10 ký tự'
		);

		await create.getByLabel('Tên đăng nhập').fill('chuprong');
		await create.getByLabel('Họ tên').fill('Cán bộ UBND huyện Chư Prông');
		await create.getByLabel('Vai trò', { exact: true }).selectOption('officer');
		await create.getByLabel('Đơn vị', { exact: true }).selectOption('ubnd-chu-prong');
		await create.getByLabel(/Mật khẩu/).fill('mat-khau-chu-prong');
		await create.getByRole('button', { name: 'Tạo' }).click();
		await expect(page.getByTestId('admin-message').textContent()).resolves.toContain(
			'Đã tạo tài khoản chuprong'
		);
		expect(await apiToken('chuprong', 'mat-khau-chu-prong')).toMatch(/\./);
		await page.close();
	});

	it("disables a user and closes that user's open connection within seconds", async () => {
		const token = await apiToken('ducco');
		const url = `ws://127.0.0.1:${new URL(app.baseUrl).port}/collab`;
		const live = connect({ url, document: 'plan/gia-lai-2024/agency/ubnd-duc-co', token });
		clients.push(live);
		await live.ready;
		const closed = new Promise<number>((resolve) =>
			live.socket.on('close', ({ event }: { event: { code: number } }) => resolve(event.code))
		);

		const page = await browser.newPage();
		await loginAs(page, 'admin');
		await page.goto(`${app.baseUrl}/admin`);
		await page.getByRole('button', { name: 'Khóa ducco' }).click();
		await expect(page.getByTestId('admin-message').textContent()).resolves.toContain(
			'Đã khóa ducco'
		);
		expect(await closed).toBe(4401);
		const res = await fetch(`${app.baseUrl}/api/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ username: 'ducco', password: DEMO_PASSWORD })
		});
		expect(res.status).toBe(401);
		await page.close();
	});
});
