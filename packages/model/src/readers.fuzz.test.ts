import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyIdOf } from './agency-doc.js';
import { readAgencies } from './agency.js';
import { cardHolders, readAssignments } from './assignments.js';
import { readCard, readCards, type Card } from './card.js';
import { readContributions } from './contribution.js';
import { isId, type TaskId } from './ids.js';
import { setMalformedReporter, type MalformedEntry } from './malformed.js';
import { ROOT, docKind, schemaVersionOf } from './meta.js';
import { readMilestones } from './milestone.js';
import { columnOf } from './move.js';
import { readPlanMeta } from './plan-meta.js';
import { readSections } from './section.js';
import { STATUSES, isStatus } from './status.js';
import { readTask, readTasks } from './task.js';
import { isIsoDate, timeliness, vietnamDate } from './timeliness.js';
import { T, agencyDoc, planDoc, prng, replicasOf } from './test-fixtures.js';

type Rng = ReturnType<typeof prng>;

const reports: MalformedEntry[] = [];
beforeAll(() => setMalformedReporter((e) => reports.push(e)));
afterAll(() => setMalformedReporter(null));

/** Field names the schema uses anywhere, so random writes hit what readers look at. */
const FIELDS = [
	'taskId',
	'workflow',
	'status',
	'completedAt',
	'progress',
	'order',
	'notes',
	'checklist',
	'evidence',
	'figures',
	'updates',
	'updatedAt',
	'updatedBy',
	'label',
	'value',
	'id',
	'url',
	'at',
	'authorId',
	'authorName',
	'text',
	'done',
	'number',
	'title',
	'content',
	'due',
	'lead',
	'coordinating',
	'kind',
	'items',
	'sectionId',
	'parentId',
	'name',
	'shortName',
	'members',
	'date',
	'year',
	'reportDue',
	'issuer',
	'schemaVersion',
	'planId',
	'agencyId',
	'articles',
	'x',
	'khoảng trắng',
	'a/b'
];
const ROOTS = Object.values(ROOT);
const STRINGS = [
	'',
	'e1',
	'done',
	'todo',
	'javascript:alert(1)',
	'https://a.vn/x',
	'2024-02-30',
	'2024-11-10',
	'II.1',
	'group',
	'a0',
	'\u0000',
	'x'.repeat(300)
];
const NUMBERS = [0, -1, 1e308, -1e308, Number.NaN, Infinity, -Infinity, 0.5, 101, 8.64e15, 2 ** 53];

/** A random value: primitives, plain JSON, binary, or a fresh (possibly nested) Y type. */
function randomValue(rng: Rng, depth = 0): unknown {
	const plain = (): unknown => {
		switch (rng.int(8)) {
			case 0:
				return null;
			case 1:
				return rng.pick(NUMBERS);
			case 2:
				return rng.pick(STRINGS);
			case 3:
				return rng.next() < 0.5;
			case 4:
				return Array.from({ length: rng.int(3) }, () => (depth < 2 ? plain() : 1));
			case 5: {
				const o: Record<string, unknown> = {};
				for (let i = rng.int(4); i > 0; i--) o[rng.pick(FIELDS)] = depth < 2 ? plain() : 'v';
				return o;
			}
			case 6:
				return new Uint8Array([rng.int(256)]);
			default:
				return -0;
		}
	};
	if (depth > 1 || rng.next() < 0.6) return plain();
	switch (rng.int(3)) {
		case 0: {
			const m = new Y.Map<unknown>();
			for (let i = rng.int(3); i > 0; i--) m.set(rng.pick(FIELDS), randomValue(rng, depth + 1));
			return m;
		}
		case 1: {
			const a = new Y.Array<unknown>();
			a.push(Array.from({ length: rng.int(3) }, () => randomValue(rng, depth + 1)));
			return a;
		}
		default:
			return new Y.Text(rng.pick(STRINGS));
	}
}

/** Every Y.Map and Y.Array reachable from the document's roots, to write into at random. */
function containers(doc: Y.Doc): (Y.Map<unknown> | Y.Array<unknown>)[] {
	const out: (Y.Map<unknown> | Y.Array<unknown>)[] = [];
	const walk = (t: unknown) => {
		if (t instanceof Y.Map) {
			out.push(t);
			for (const v of t.values()) walk(v);
		} else if (t instanceof Y.Array) {
			out.push(t);
			for (const v of t.toArray()) walk(v);
		}
	};
	for (const name of ROOTS) walk(doc.getMap(name));
	return out;
}

/** One random operation, written in a replica (so roots arrive as a remote client sends them). */
function mutate(rng: Rng, doc: Y.Doc, writer: Y.Doc): void {
	const r = rng.int(10);
	if (r === 0) {
		// A root used as another type: a fresh client knows nothing of the schema.
		const fresh = new Y.Doc();
		const name = rng.next() < 0.7 ? rng.pick(ROOTS) : `contribution/${rng.pick(Object.values(T))}`;
		const kind = rng.int(3);
		if (kind === 0) fresh.getArray(name).push([randomValue(rng)]);
		else if (kind === 1) fresh.getText(name).insert(0, 'x', { bold: true });
		else fresh.getMap(name).set(rng.pick([...FIELDS, ...Object.values(T)]), randomValue(rng));
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(fresh));
		Y.applyUpdate(writer, Y.encodeStateAsUpdate(fresh));
		return;
	}
	const all = containers(writer);
	const target = rng.pick(all);
	if (target instanceof Y.Map) {
		const keys = [...target.keys()];
		const key = keys.length > 0 && rng.next() < 0.7 ? rng.pick(keys) : rng.pick(FIELDS);
		if (rng.next() < 0.15) target.delete(key);
		else target.set(key, rng.next() < 0.05 ? undefined : randomValue(rng));
	} else if (target.length > 0 && rng.next() < 0.3) {
		target.delete(rng.int(target.length), 1);
	} else {
		target.insert(rng.int(target.length + 1), [randomValue(rng)]);
	}
	Y.applyUpdate(doc, Y.encodeStateAsUpdate(writer, Y.encodeStateVector(doc)));
}

/** A card as the UI and reports consume it: every field of its declared type. */
function expectWellTyped(card: Card): void {
	const str = (v: unknown) => typeof v === 'string';
	const instant = (v: unknown) => v === null || (typeof v === 'number' && Number.isFinite(v));
	const ok =
		isId(card.taskId) &&
		isStatus(card.status) &&
		Number.isInteger(card.progress) &&
		card.progress >= 0 &&
		card.progress <= 100 &&
		str(card.order) &&
		str(card.notes) &&
		card.checklist.every((i) => str(i.id) && str(i.text) && typeof i.done === 'boolean') &&
		card.evidence.every((e) => str(e.id) && /^https?:\/\//.test(e.url) && str(e.label)) &&
		Object.values(card.figures).every(
			(f) => str(f.label) && (str(f.value) || Number.isFinite(f.value))
		) &&
		card.updates.every(
			(u) => str(u.id) && str(u.text) && str(u.authorName) && instant(u.at) && u.at !== null
		) &&
		instant(card.completedAt) &&
		instant(card.updatedAt) &&
		(card.updatedBy === null || str(card.updatedBy));
	const unique = (xs: { id: string }[]) => new Set(xs.map((x) => x.id)).size === xs.length;
	if (!ok || !unique(card.evidence) || !unique(card.updates)) {
		expect.fail(`ill-typed card ${JSON.stringify(card)}`);
	}
	if (card.completedAt !== null) vietnamDate(card.completedAt);
	for (const u of card.updates) new Date(u.at).toISOString();
}

/** Every reader of the model on one document; the values are used as the UI uses them. */
function readEverything(doc: Y.Doc): void {
	docKind(doc);
	schemaVersionOf(doc);
	agencyIdOf(doc);
	const meta = readPlanMeta(doc);
	expect(typeof meta.title).toBe('string');
	expect(meta.date === '' || isIsoDate(meta.date)).toBe(true);
	expect(meta.reportDue === null || isIsoDate(meta.reportDue)).toBe(true);
	const tasks = readTasks(doc);
	for (const t of tasks) {
		expect(isId(t.id)).toBe(true);
		readTask(doc, t.id);
		cardHolders(doc, t.id);
		t.number.localeCompare(t.title);
		[...t.lead, ...t.coordinating, ...t.items].forEach((s) => s.toLowerCase());
		if (t.due !== null) expect(isIsoDate(t.due)).toBe(true);
	}
	for (const s of readSections(doc)) s.number.localeCompare(s.title);
	for (const a of readAgencies(doc)) {
		expect(isId(a.id)).toBe(true);
		a.name.localeCompare(a.shortName);
		(a.members ?? []).forEach((m) => m.toLowerCase());
	}
	for (const m of readMilestones(doc)) expect(isIsoDate(m.date) && typeof m.text).toBe('string');
	for (const ids of Object.values(readAssignments(doc))) ids.forEach((id) => id.toLowerCase());
	for (const card of readCards(doc)) {
		expectWellTyped(card);
		readCard(doc, card.taskId);
		timeliness({
			due: '2024-11-10',
			status: card.status,
			completedAt: card.completedAt,
			asOf: '2024-11-05'
		});
	}
	for (const id of [...Object.values(T), 'nope']) readCard(doc, id as TaskId);
	for (const status of STATUSES) columnOf(doc, status);
	for (const c of readContributions(doc))
		expect(typeof c.text + typeof c.done).toBe('stringboolean');
}

describe('readers under random writes', () => {
	it('never throw and always return well-typed values (seeded, 600 documents)', () => {
		const bases = [planDoc(), agencyDoc()];
		let ops = 0;
		for (let seed = 1; seed <= 600; seed++) {
			const rng = prng(seed);
			const [doc, writer] = replicasOf(bases[seed % 2], 2);
			const steps = 1 + rng.int(12);
			for (let i = 0; i < steps; i++, ops++) {
				mutate(rng, doc, writer);
				try {
					readEverything(doc);
				} catch (error) {
					throw new Error(`seed ${seed}, step ${i}: ${String(error)}`, { cause: error });
				}
			}
		}
		expect(ops).toBeGreaterThan(2000);
		// The writes did hit the schema: readers met and reported malformed entries.
		expect(reports.length).toBeGreaterThan(100);
		const roots = new Set(reports.map((r) => r.key.split('/')[0]));
		for (const root of [ROOT.cards, ROOT.tasks, ROOT.agencies, ROOT.milestones]) {
			expect(roots).toContain(root);
		}
	});
});
