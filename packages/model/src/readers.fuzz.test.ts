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
import { readRounds, suggestedRounds } from './report-round.js';
import { draftReport, readSubmissions, roundStatus } from './report-submission.js';
import { readSections } from './section.js';
import { STATUSES, isStatus } from './status.js';
import { readTask, readTasks } from './task.js';
import { isIsoDate, timeliness } from './timeliness.js';
import { vietnamDate } from './vietnam-time.js';
import { T, agencyDoc, planDoc, prng, replicasOf } from './test-fixtures.js';
import { mutate } from './test-fuzz.js';

const reports: MalformedEntry[] = [];
beforeAll(() => setMalformedReporter((e) => reports.push(e)));
afterAll(() => setMalformedReporter(null));

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
	// A document read as both sides of a round: the plan's rounds and an agency's reports.
	const submissions = readSubmissions({ plan: doc, agency: doc });
	for (const s of submissions) {
		s.rows.forEach((r) => expect(isStatus(r.status) && r.result.length >= 0).toBe(true));
		expect(typeof s.difficulties + typeof s.proposals + typeof s.late).toBe('stringstringboolean');
	}
	for (const round of readRounds(doc)) {
		expect(isIsoDate(round.due)).toBe(true);
		round.agencies.forEach((a) => a.toLowerCase());
		roundStatus({ round, submissions, today: '2024-11-10' });
		if (docKind(doc) === 'agency') draftReport({ plan: doc, agency: doc, roundId: round.id });
	}
	for (const s of suggestedRounds(doc)) expect(isIsoDate(s.due) && s.title).toBeTruthy();
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
