import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';
import { DEMO_PASSWORD, startAppServer, type AppServer } from '../support/app-server.js';

export const PLAN = 'gia-lai-2024';

/** A browser context (its own cookie jar and IndexedDB), signed in when a username is given. */
export async function signedInContext(options: {
	browser: Browser;
	baseUrl: string;
	username?: string;
}): Promise<BrowserContext> {
	const { browser, baseUrl, username } = options;
	const context = await browser.newContext({
		baseURL: baseUrl,
		viewport: { width: 1400, height: 900 }
	});
	if (username) {
		const res = await context.request.post('/api/login', {
			data: { username, password: DEMO_PASSWORD }
		});
		if (!res.ok()) throw new Error(`login ${username} failed: ${res.status()} ${await res.text()}`);
	}
	return context;
}

/** A signed-in context on the board, once its documents are live. */
export async function openBoard(options: {
	browser: Browser;
	baseUrl: string;
	username: string;
	query?: string;
}): Promise<{ context: BrowserContext; page: Page }> {
	const context = await signedInContext(options);
	const page = await context.newPage();
	await page.goto(`/plans/${PLAN}${options.query ?? ''}`);
	// A first load of every lane on the shared 2-core machine, under load, can take longer than
	// the 10 s a live board gets to catch up after a change.
	await waitOnline(page, 30_000);
	return { context, page };
}

/** Live documents loaded and every local change acknowledged by the server. */
export async function waitOnline(page: Page, timeout = 10_000): Promise<void> {
	const status = page.getByTestId('sync-status');
	try {
		await page.locator('[data-testid="sync-status"][data-state="online"]').waitFor({ timeout });
	} catch (error) {
		// Say what the indicator showed instead, so a failure tells offline from stuck syncing.
		const shown = await status
			.evaluate((el) => `${el.dataset.state}: ${el.textContent?.trim()}`)
			.catch(() => 'absent');
		throw new Error(`not online after ${timeout} ms (indicator: ${shown})`, { cause: error });
	}
}

export function lane(page: Page, agencyId: string): Locator {
	return page.locator(`[data-testid="lane"][data-agency="${agencyId}"]`);
}

export function card(page: Page, agencyId: string, taskId: string): Locator {
	return page.locator(`[data-testid="card"][data-agency="${agencyId}"][data-task="${taskId}"]`);
}

/** The task id of the first card of a lane, in board order. */
export async function firstTaskId(page: Page, agencyId: string): Promise<string> {
	const id = await lane(page, agencyId)
		.locator('[data-testid="card"]')
		.first()
		.getAttribute('data-task');
	if (!id) throw new Error(`lane ${agencyId} has no card`);
	return id;
}

export async function openCard(page: Page, agencyId: string, taskId: string): Promise<Locator> {
	await card(page, agencyId, taskId).locator('[data-card-button]').click();
	const detail = page.locator(`[data-testid="card-detail"][data-task="${taskId}"]`);
	await detail.waitFor();
	return detail;
}

/**
 * On a board as of an instant (read only, no live session): waits for its banner, opens the
 * lane's first card and waits for the card's history; returns the detail.
 */
export async function openFirstAsOfCard(page: Page, agencyId: string): Promise<Locator> {
	await page.getByTestId('as-of-banner').waitFor();
	await lane(page, agencyId).locator('[data-testid="card"] [data-card-button]').first().click();
	const detail = page.getByTestId('card-detail');
	await detail.getByTestId('card-history').waitFor();
	return detail;
}

/**
 * One app server (fresh data directory) and one Chromium per test file, closed after it;
 * `board(username)` logs in in a new context and opens the board, `context(username?)` gives a
 * new context, signed in when a username is given.
 */
export function boardSuite(options: { env?: Record<string, string> } = {}): {
	board: (username: string, query?: string) => Promise<Page>;
	context: (username?: string) => Promise<BrowserContext>;
	/** The running server (started before the file's tests). */
	app: () => AppServer;
} {
	let app: AppServer | undefined;
	let browser: Browser | undefined;
	let closeBrowser: () => Promise<void> = async () => {};
	const contexts: BrowserContext[] = [];
	beforeAll(async () => {
		app = await startAppServer(options.env);
		({ browser, close: closeBrowser } = await launchBrowser());
	});
	afterAll(async () => {
		for (const c of contexts) await c.close().catch(() => {});
		await closeBrowser();
		await app?.stop();
	});
	return {
		async board(username, query = '?scope=all') {
			const opened = await openBoard({ browser: browser!, baseUrl: app!.baseUrl, username, query });
			contexts.push(opened.context);
			return opened.page;
		},
		async context(username) {
			const context = await signedInContext({ browser: browser!, baseUrl: app!.baseUrl, username });
			contexts.push(context);
			return context;
		},
		app: () => app!
	};
}

/**
 * Pages for roles on a suite: one context per role (null: signed out), made on first use and
 * kept for the file (the suite closes it), and every page closed after its test, passed or not:
 * a live board left open keeps syncing and slows every later test on a shared machine.
 */
export function rolePages(suite: Pick<ReturnType<typeof boardSuite>, 'context'>): {
	context: (username: string | null) => Promise<BrowserContext>;
	newPage: (username: string | null) => Promise<Page>;
} {
	const contexts = new Map<string, Promise<BrowserContext>>();
	const pages: Page[] = [];
	afterEach(async () => {
		for (const page of pages.splice(0)) await page.close().catch(() => {});
	});
	const context = (username: string | null) => {
		const key = username ?? '';
		let made = contexts.get(key);
		if (!made) {
			made = suite.context(username ?? undefined);
			contexts.set(key, made);
		}
		return made;
	};
	return {
		context,
		async newPage(username) {
			const page = await (await context(username)).newPage();
			pages.push(page);
			return page;
		}
	};
}
