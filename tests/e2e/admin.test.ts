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

describe('the agency directory on the admin page', () => {
	it('adds a commune and retires an agency with its successor, refusing a blank name', async () => {
		const page = await browser.newPage();
		await loginAs(page, 'admin');
		await page.goto(`${app.baseUrl}/admin`);
		const message = () => page.getByTestId('admin-message').textContent();

		const add = page.locator('form[action="?/agencyAdd"]');
		await add.getByLabel('Tên đơn vị').fill('   ');
		await add
			.getByRole('button', { name: 'Thêm đơn vị' })
			.evaluate((b: HTMLButtonElement) => (b.form!.noValidate = true));
		await add.getByRole('button', { name: 'Thêm đơn vị' }).click();
		await expect(message()).resolves.toContain('Tên đơn vị không được để trống.');

		const group = page.locator('form[action="?/groupAdd"]');
		await group.getByLabel('Tên nhóm').fill('Ủy ban nhân dân các xã, phường, đặc khu');
		await group.getByLabel(/Cách viết khác/).fill('UBND các xã, phường, đặc khu');
		await group.getByRole('button', { name: 'Thêm nhóm' }).click();
		await expect(message()).resolves.toContain(
			'Đã thêm nhóm Ủy ban nhân dân các xã, phường, đặc khu (mã uy-ban-nhan-dan-cac-xa-phuong-dac-khu, 0 đơn vị).'
		);

		await add.getByLabel('Tên đơn vị').fill('Ủy ban nhân dân xã Ia Dom');
		await add.getByLabel('Tên viết tắt').fill('UBND xã Ia Dom');
		await add.getByLabel('Loại').selectOption('commune');
		await add.getByLabel('Hoạt động từ ngày').fill('2025-07-01');
		await add.getByLabel('Thuộc nhóm').selectOption(['uy-ban-nhan-dan-cac-xa-phuong-dac-khu']);
		await add.getByRole('button', { name: 'Thêm đơn vị' }).click();
		await expect(message()).resolves.toContain(
			'Đã thêm đơn vị Ủy ban nhân dân xã Ia Dom (mã uy-ban-nhan-dan-xa-ia-dom).'
		);
		const commune = page
			.getByTestId('agencies-current')
			.locator('[data-agency-id="uy-ban-nhan-dan-xa-ia-dom"]');
		await expect(commune.getByTestId('agency-validity').textContent()).resolves.toContain(
			'từ 01/07/2025'
		);
		await expect(commune.textContent()).resolves.toContain('Xã');
		await expect(
			page.locator('[data-group-id="uy-ban-nhan-dan-cac-xa-phuong-dac-khu"]').textContent()
		).resolves.toContain('Ủy ban nhân dân xã Ia Dom');

		const retire = page.locator('form[action="?/agencyRetire"]');
		await retire.getByLabel('Đơn vị', { exact: true }).selectOption('so-ngoai-vu');
		await retire.getByLabel('Ngừng hoạt động từ ngày').fill('2025-03-01');
		await retire.getByLabel('Đơn vị kế thừa').selectOption(['vp-ubnd']);
		await retire.getByRole('button', { name: 'Ngừng hoạt động' }).click();
		await expect(message()).resolves.toContain(
			'Đã ghi nhận: Sở Ngoại vụ hoạt động đến hết ngày 28/02/2025, đơn vị kế thừa: Văn phòng Ủy ban nhân dân tỉnh.'
		);
		const ended = page.getByTestId('agencies-retired').locator('[data-agency-id="so-ngoai-vu"]');
		await expect(ended.getByTestId('agency-validity').textContent()).resolves.toContain(
			'đến hết 28/02/2025'
		);
		await expect(ended.getByTestId('agency-successors').textContent()).resolves.toBe(
			'Văn phòng Ủy ban nhân dân tỉnh'
		);
		expect(
			await page.getByTestId('agencies-current').locator('[data-agency-id="so-ngoai-vu"]').count()
		).toBe(0);

		// Retiring it again on another day is refused with the day it already ended.
		await retire.getByLabel('Đơn vị', { exact: true }).selectOption('so-ngoai-vu');
		await retire.getByLabel('Ngừng hoạt động từ ngày').fill('2025-09-01');
		await retire.getByRole('button', { name: 'Ngừng hoạt động' }).click();
		await expect(message()).resolves.toContain('"Sở Ngoại vụ" đã ngừng hoạt động từ 2025-03-01.');
		await page.close();
	}, 90_000);

	it('renames an agency so boards show the new name, and refuses directory changes to non-admins', async () => {
		const page = await browser.newPage();
		await loginAs(page, 'admin');
		await page.goto(`${app.baseUrl}/admin`);
		const rename = page.locator('form[action="?/agencyRename"]');
		await rename.getByLabel('Đơn vị', { exact: true }).selectOption('so-tttt');
		await rename.getByLabel('Tên mới').fill('Sở Thông tin và Truyền thông tỉnh Gia Lai');
		await rename.getByRole('button', { name: 'Đổi tên' }).click();
		await expect(page.getByTestId('admin-message').textContent()).resolves.toContain(
			'Đã đổi tên "Sở Thông tin và Truyền thông" thành "Sở Thông tin và Truyền thông tỉnh Gia Lai"'
		);
		const res = await fetch(`${app.baseUrl}/api/plans/gia-lai-2024`, {
			headers: { authorization: `Bearer ${await apiToken('admin')}` }
		});
		const plan = (await res.json()) as { agencies: { id: string; name: string }[] };
		expect(plan.agencies.find((a) => a.id === 'so-tttt')?.name).toBe(
			'Sở Thông tin và Truyền thông tỉnh Gia Lai'
		);

		const coordinator = await browser.newPage();
		await loginAs(coordinator, 'sotttt');
		const status = await coordinator.evaluate(async () => {
			const form = new FormData();
			form.set('name', 'Sở Lạ');
			const r = await fetch('/admin?/agencyAdd', {
				method: 'POST',
				body: form,
				headers: { 'x-sveltekit-action': 'true' }
			});
			return r.status;
		});
		expect(status).toBe(403);
		await page.reload();
		await expect(page.getByTestId('agencies-current').textContent()).resolves.not.toContain(
			'Sở Lạ'
		);
		await coordinator.close();
		await page.close();
	}, 90_000);
});
