import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { importBoard, readDocument } from '@planboard/boards';
import { createLogger } from '@planboard/config';
import {
	asAgencyId,
	planDocName,
	readAgencies,
	readTasks,
	startOfVietnamDay
} from '@planboard/model';
import { loadGiaLaiDirectory } from '@planboard/plan-import';
import type { Store, User } from '@planboard/store';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/harness.js';
import { digestMessage, startDigests, type DigestScheduler } from './digest.js';
import { unsubscribeDigest } from './unsubscribe.js';
import { openTestStore } from '../../../tests/support/test-database.js';

const PLAN = readFileSync(
	new URL('../../../packages/boards/src/fixtures/bien-gioi-2025.txt', import.meta.url)
);
const DAY = 86_400_000;
const HOUR = 3_600_000;

let tmp: ReturnType<typeof tempDir>;
let store: Store;
let smtp: SMTPServer;
let port: number;
let received: ParsedMail[];
const clock = { now: Date.UTC(2025, 0, 15) };
let due: string;
let officer: User;
const schedulers: DigestScheduler[] = [];

beforeEach(async () => {
	tmp = tempDir('planboard-digest-');
	store = openTestStore({ path: join(tmp.dir, 'planboard.db'), now: () => clock.now });
	store.agencies.seed(loadGiaLaiDirectory());
	const planId = (await importBoard({ store, bytes: PLAN, source: 'kh.txt' })).summary.id;
	const plan = readDocument(store, planDocName(planId));
	const agencies = readAgencies(plan);
	const agency = (name: string) => agencies.find((a) => a.name === name)!.id;
	const bdbp = agency('Bộ Chỉ huy Bộ đội Biên phòng tỉnh');
	due = readTasks(plan).find((t) => t.lead.includes(bdbp))!.due!;
	const user = (username: string, role: User['role'], agencyId: string | null, email: string) => {
		const u = store.users.create({
			username,
			displayName: username,
			role,
			agencyId,
			passwordHash: 'x'
		});
		return store.users.update({ id: u.id, email })!;
	};
	officer = user('bdbp', 'officer', bdbp, 'bdbp@bienphong.gialai.gov.vn');
	// Đức Cơ leads nothing due then: no email at all rather than an empty one.
	user('ducco', 'officer', agency('Ủy ban nhân dân huyện Đức Cơ'), 'ducco@gialai.gov.vn');

	received = [];
	await startSmtp(0);
});

/** A real SMTP server on loopback that parses each message it receives into `received`. */
async function startSmtp(on: number): Promise<void> {
	smtp = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, _session, callback) {
			simpleParser(stream)
				.then((mail) => {
					received.push(mail);
					callback();
				})
				.catch(callback);
		}
	});
	await new Promise<void>((resolve) => smtp.listen(on, '127.0.0.1', resolve));
	port = (smtp.server.address() as AddressInfo).port;
}

afterEach(async () => {
	for (const s of schedulers.splice(0)) s.stop();
	await new Promise<void>((resolve) => smtp.close(() => resolve()));
	store.close();
	tmp.cleanup();
});

/** A server process's scheduler (a new one is a restart), on the test's clock. */
function scheduler(): DigestScheduler {
	const s = startDigests({
		store,
		log: createLogger({ write: () => {} }),
		smtpUrl: `smtp://127.0.0.1:${port}`,
		from: 'Planboard <planboard@gialai.gov.vn>',
		hour: 7,
		origin: 'https://planboard.gialai.gov.vn',
		now: () => clock.now
	});
	schedulers.push(s);
	return s;
}

/** `hours` past midnight in Vietnam, `days` days from the task's due date. */
const at = (days: number, hours: number) =>
	startOfVietnamDay(due).getTime() + days * DAY + hours * HOUR;

describe('the daily digest', () => {
	it('sends a task due in 7 days once a day, from the configured hour, then as overdue', async () => {
		const first = scheduler();
		clock.now = at(-7, 6.5);
		expect(await first.tick()).toBe(0);
		clock.now = at(-7, 7.1);
		expect(await first.tick()).toBe(1);
		expect(received).toHaveLength(1);
		const mail = received[0];
		expect(mail.to).toMatchObject({ value: [{ address: 'bdbp@bienphong.gialai.gov.vn' }] });
		expect(mail.subject).toBe(`Planboard 23/06/2025: 1 nhiệm vụ sắp đến hạn`);
		expect(mail.text).toContain('SẮP ĐẾN HẠN (trong 7 ngày tới) (1):');
		expect(mail.text).toContain('(hạn 30/06/2025, còn 7 ngày đến hạn)');
		expect(mail.text).toContain('Tuyên truyền về chủ quyền biên giới quốc gia');
		expect(mail.text).not.toContain('QUÁ HẠN');
		// mailparser reads the List-* headers into one `list` header.
		expect(mail.headers.get('list')).toMatchObject({
			unsubscribe: {
				url: expect.stringMatching(/^https:\/\/planboard\.gialai\.gov\.vn\/unsubscribe\//)
			}
		});

		// RFC 8058 one-click: the mail provider may POST to that link itself.
		expect(mail.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line).toBe(
			'List-Unsubscribe-Post: List-Unsubscribe=One-Click'
		);
		// Unfolded: a long header line goes out folded over two lines.
		const oneClick = (
			mail.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? ''
		).replace(/\r?\n[ \t]+/g, ' ');
		expect(oneClick).toMatch(
			/^List-Unsubscribe: <https:\/\/planboard\.gialai\.gov\.vn\/unsubscribe\/[\w-]{43}>$/
		);

		// Later that day, and after a restart, nothing goes out twice.
		clock.now = at(-7, 15);
		expect(await first.tick()).toBe(0);
		first.stop();
		expect(await scheduler().tick()).toBe(0);
		expect(received).toHaveLength(1);

		clock.now = at(1, 8);
		expect(await scheduler().tick()).toBe(1);
		expect(received[1].subject).toBe('Planboard 01/07/2025: 1 nhiệm vụ quá hạn');
		expect(received[1].text).toContain('QUÁ HẠN (1):');
		expect(received[1].text).toContain('(hạn 30/06/2025, quá hạn 1 ngày)');
		expect(received[1].text).not.toContain('SẮP ĐẾN HẠN');
	});

	it('stops after the link of any past digest is followed', async () => {
		const s = scheduler();
		clock.now = at(-7, 8);
		expect(await s.tick()).toBe(1);
		const link = /Ngừng nhận thư nhắc việc: (\S+)/.exec(received[0].text ?? '')?.[1] ?? '';
		const token = new URL(link).pathname.split('/').pop()!;
		expect(unsubscribeDigest({ store, token: 'A'.repeat(43) })).toBeNull();
		expect(unsubscribeDigest({ store, token })?.id).toBe(officer.id);
		expect(store.users.get(officer.id)?.emailDigest).toBe(false);

		clock.now = at(-6, 8);
		expect(await s.tick()).toBe(0);
		expect(received).toHaveLength(1);
	});

	it('tries again on the next tick when the mail server refuses, and sends once', async () => {
		const s = scheduler();
		clock.now = at(-7, 8);
		await new Promise<void>((resolve) => smtp.close(() => resolve()));
		expect(await s.tick()).toBe(0);
		expect(store.notifications.digest({ userId: officer.id, day: '2025-06-23' })).toBeNull();
		await startSmtp(port);
		expect(await s.tick()).toBe(1);
		expect(received).toHaveLength(1);
	});

	it("lists a reporting round's report as a deadline, linked to the board's reports", () => {
		const { subject, text } = digestMessage({
			user: { displayName: 'Sở TT&TT', role: 'coordinator' },
			day: '2025-12-16',
			origin: 'https://planboard.gialai.gov.vn',
			unsubscribe: 'https://planboard.gialai.gov.vn/unsubscribe/x',
			concerns: [
				{
					key: 'overdue:p:round:r1:2025-12-15',
					kind: 'overdue',
					task: {
						planId: 'p',
						planTitle: 'Kế hoạch',
						taskId: '',
						number: '',
						title: 'Báo cáo năm',
						due: '2025-12-15'
					},
					round: { id: 'r1', title: 'Báo cáo năm', due: '2025-12-15' },
					agencies: [
						{ id: asAgencyId('a'), name: 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh', shortName: 'BĐBP' }
					],
					daysLeft: -1
				}
			]
		});
		expect(subject).toBe('Planboard 16/12/2025: 1 nhiệm vụ quá hạn');
		expect(text).toContain('- Báo cáo: Báo cáo năm (hạn 15/12/2025, quá hạn 1 ngày)');
		expect(text).toContain('Đơn vị: Bộ Chỉ huy Bộ đội Biên phòng tỉnh');
		expect(text).toContain('https://planboard.gialai.gov.vn/plans/p/reports');
	});
});
