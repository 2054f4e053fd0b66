// A synthetic plan of 2,000 tasks led by 45 directory agencies, created through the same path as
// `planboard import` (createBoard: plan row, agencies, initial documents in one transaction),
// and the app server started on it.
import { spawnSync } from 'node:child_process';
import { createBoard } from '@planboard/boards';
import {
	STATUSES,
	agencyDocName,
	moveCard,
	readCards,
	setProgress,
	type AgencyId,
	type PlanId
} from '@planboard/model';
import { loadGiaLaiDirectory, type ParsedPlan } from '@planboard/plan-import';
import { openStore } from '@planboard/store';
import { startChildServer, type ChildServer } from '../tests/support/child-server.js';
import { hocuspocusClient, type BenchClient } from './clients.js';
import { tempDir } from './servers.js';

export const BIG_PLAN = 'bench-2000';

const WORDS = [
	'tuyên truyền',
	'thông tin đối ngoại',
	'biên giới',
	'hợp tác',
	'báo chí',
	'hội nghị',
	'du lịch',
	'đầu tư',
	'văn hóa',
	'cộng đồng',
	'kiều bào',
	'mạng xã hội',
	'triển lãm',
	'đào tạo',
	'an ninh'
];

/** Deterministic text, so every run of the bench renders the same board. */
function phrase(i: number, n: number): string {
	const out: string[] = [];
	for (let k = 0; k < n; k++) out.push(WORDS[(i * 7 + k * 3) % WORDS.length]);
	return out.join(', ');
}

/** The directory agencies that lead the synthetic plan's tasks, one lane each. */
function laneAgencies(lanes: number) {
	return loadGiaLaiDirectory().agencies.slice(0, lanes);
}

export function syntheticPlan(options: { tasks: number; lanes: number }): ParsedPlan {
	const agencies = laneAgencies(options.lanes);
	if (agencies.length < options.lanes)
		throw new Error(`the directory has ${agencies.length} agencies`);
	const ref = (a: (typeof agencies)[number]) => ({
		text: a.name,
		agencyId: a.id,
		groupId: null,
		memberIds: []
	});
	const sections = ['I', 'II', 'III'].map((number, i) => ({ number, title: `Phần ${i + 1}` }));
	const tasks = Array.from({ length: options.tasks }, (_, i) => {
		const lead = agencies[i % agencies.length];
		const coord = agencies[(i * 13 + 5) % agencies.length];
		const month = (i % 12) + 1;
		return {
			number: `II.${Math.floor(i / 50) + 1}.${(i % 50) + 1}`,
			title: `Nhiệm vụ ${i + 1}: ${phrase(i, 3)}`,
			content: `Tổ chức ${phrase(i, 8)} trên địa bàn tỉnh.`,
			lead: [lead.name],
			coordinating: coord.id === lead.id ? [] : [coord.name],
			timeframe: `Tháng ${month}/2024`,
			due: `2024-${String(month).padStart(2, '0')}-28`,
			line: i + 10,
			product: null,
			leadRefs: [ref(lead)],
			coordinatingRefs: coord.id === lead.id ? [] : [ref(coord)],
			section: 'II'
		};
	});
	return {
		title: 'Kế hoạch thử tải 2.000 nhiệm vụ',
		issuer: null,
		number: null,
		date: '2024-01-15',
		year: 2024,
		bases: [],
		sections,
		tasks,
		duties: [],
		milestones: [],
		warnings: []
	};
}

/**
 * What tests/support/app-server.ts does (`planboard init` on a fresh data directory, then the
 * built server), with the big board added in between. That helper itself cannot be imported
 * here: its harness imports `@planboard/*` through vitest's source aliases.
 */
export async function startBigBoardApp(options: { tasks: number; lanes: number }): Promise<{
	baseUrl: string;
	server: ChildServer;
	stop: () => Promise<void>;
}> {
	const tmp = tempDir('planboard-render-');
	const env = { PLANBOARD_DATA: tmp.dir };
	const init = spawnSync(process.execPath, ['apps/cli/dist/main.js', 'init'], {
		env: { ...process.env, ...env },
		encoding: 'utf8'
	});
	if (init.status !== 0) throw new Error(`planboard init failed:\n${init.stdout}\n${init.stderr}`);
	seedBigBoard({ dataDir: tmp.dir, ...options });
	const server = await startChildServer({ entry: 'apps/web/dist/main.js', env });
	return {
		baseUrl: `http://127.0.0.1:${server.port}`,
		server,
		async stop() {
			server.process.kill('SIGTERM');
			await server.exited;
			tmp.cleanup();
		}
	};
}

/**
 * Adds the big board to the data directory's database, or to `location` when the server was given
 * another one (the test suite's PostgreSQL pass).
 */
export function seedBigBoard(options: {
	dataDir: string;
	tasks: number;
	lanes: number;
	location?: { path: string } | { url: string };
}) {
	const store = openStore(options.location ?? { path: `${options.dataDir}/planboard.db` });
	try {
		return createBoard({
			store,
			plan: syntheticPlan(options),
			planId: BIG_PLAN,
			directory: loadGiaLaiDirectory()
		});
	} finally {
		store.close();
	}
}

/**
 * Other people working on the big board: each editor signs in, opens its share of the agency
 * documents over real WebSockets, and once started changes one card a second (progress 70 % of
 * the time, else the status, which moves the card to the bottom of another column).
 */
export async function startEditors(options: {
	baseUrl: string;
	planId: string;
	lanes: number;
	editors: number;
	username: string;
	password?: string;
}): Promise<{ start(): void; edits(): number; stop(): Promise<void> }> {
	const url = `${options.baseUrl.replace(/^http/, 'ws')}/collab`;
	const agencies = laneAgencies(options.lanes);
	const clients: BenchClient[][] = [];
	for (let e = 0; e < options.editors; e++) {
		const res = await fetch(`${options.baseUrl}/api/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				username: options.username,
				password: options.password ?? 'planboard-demo'
			})
		});
		if (!res.ok) throw new Error(`editor login failed: ${res.status}`);
		const { token } = (await res.json()) as { token: string };
		const mine = agencies.filter((_, i) => i % options.editors === e);
		const docs = mine.map((a) =>
			hocuspocusClient({
				url,
				token,
				document: agencyDocName({ planId: options.planId as PlanId, agencyId: a.id as AgencyId })
			})
		);
		await Promise.all(docs.map((d) => d.synced));
		clients.push(docs);
	}
	let edits = 0;
	let seed = 7;
	const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
	const timers: ReturnType<typeof setInterval>[] = [];
	let stopped = false;
	const edit = (docs: BenchClient[]) => {
		const doc = docs[Math.floor(random() * docs.length)].doc;
		const cards = readCards(doc);
		if (cards.length === 0) return;
		const card = cards[Math.floor(random() * cards.length)];
		if (random() < 0.7) {
			setProgress(doc, { taskId: card.taskId, progress: Math.floor(random() * 101) });
		} else {
			const toStatus = STATUSES[Math.floor(random() * STATUSES.length)];
			moveCard(doc, { taskId: card.taskId, toStatus });
		}
		edits++;
	};
	return {
		start() {
			clients.forEach((docs, e) => {
				// Staggered, so the editors do not all write in the same instant.
				const begin = () => {
					if (!stopped) timers.push(setInterval(() => edit(docs), 1000));
				};
				setTimeout(begin, (e * 1000) / clients.length);
			});
		},
		edits: () => edits,
		async stop() {
			stopped = true;
			for (const t of timers) clearInterval(t);
			for (const c of clients.flat()) c.destroy();
		}
	};
}
