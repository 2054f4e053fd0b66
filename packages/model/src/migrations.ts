import * as Y from 'yjs';
import { newIdList, readIdList } from './id-list.js';
import { isRecord } from './malformed.js';
import { ROOT, docKind, metaMap, schemaVersionOf, type DocKind } from './meta.js';

/**
 * One schema step. `up` runs inside the migrating transaction and must be idempotent: two
 * replicas may migrate the same version concurrently and both writes are merged.
 */
export interface Migration {
	/** The version a document has after this step. Versions are consecutive from 1. */
	version: number;
	description: string;
	up(doc: Y.Doc, kind: DocKind | null): void;
}

/** From the first version on, so every stored document has a path to the current layout. */
export const MIGRATIONS: readonly Migration[] = Object.freeze([
	{
		version: 1,
		description:
			'Initial layout (plan: plan, sections, tasks, agencies, milestones, assignments; agency: cards, contributions)',
		up(doc: Y.Doc, kind: DocKind | null) {
			// Touching the roots is enough: they are created lazily and hold no data at version 1.
			const names =
				kind === 'agency'
					? [ROOT.cards, ROOT.contributions]
					: [
							ROOT.plan,
							ROOT.sections,
							ROOT.tasks,
							ROOT.agencies,
							ROOT.milestones,
							ROOT.assignments
						];
			for (const name of names) doc.getMap(name);
		}
	},
	{
		version: 2,
		description:
			'Plan editing: task titles become Y.Text (edited character by character); sections become Y.Maps (rename and move merge)',
		up(doc: Y.Doc, kind: DocKind | null) {
			if (kind !== 'plan') return;
			// Idempotent: a title already a Y.Text and a section already a Y.Map are left alone.
			// Two replicas migrating at once each write a new type under the same key; the merge
			// keeps one of them, and both hold the same text.
			for (const task of doc.getMap<unknown>(ROOT.tasks).values()) {
				if (!(task instanceof Y.Map)) continue;
				const title: unknown = task.get('title');
				if (typeof title === 'string') task.set('title', new Y.Text(title));
			}
			const sections = doc.getMap<unknown>(ROOT.sections);
			for (const [id, s] of [...sections.entries()]) {
				if (s instanceof Y.Map || !isRecord(s)) continue;
				const m = new Y.Map<unknown>();
				for (const [k, v] of Object.entries(s)) m.set(k, v);
				sections.set(id, m);
			}
		}
	},
	{
		version: 3,
		description:
			"Concurrent list edits: a task's lead and coordinating agencies and each agency's assignments become Y.Arrays (additions and removals merge)",
		up(doc: Y.Doc, kind: DocKind | null) {
			if (kind !== 'plan') return;
			// Idempotent: a list already a Y.Array is left alone; a malformed value is left for the
			// readers to skip. Two replicas migrating at once write equal lists, one of which stays.
			const convert = (m: Y.Map<unknown>, key: string) => {
				const v = m.get(key);
				if (v instanceof Y.Array || v === undefined) return;
				const ids = readIdList(v);
				if (ids) m.set(key, newIdList(ids));
			};
			for (const task of doc.getMap<unknown>(ROOT.tasks).values()) {
				if (!(task instanceof Y.Map)) continue;
				convert(task, 'lead');
				convert(task, 'coordinating');
			}
			const assignments = doc.getMap<unknown>(ROOT.assignments);
			for (const agency of [...assignments.keys()]) convert(assignments, agency);
		}
	}
]);

export const CURRENT_SCHEMA_VERSION: number = MIGRATIONS[MIGRATIONS.length - 1].version;

export interface MigrateResult {
	from: number;
	to: number;
	applied: number[];
}

/**
 * Brings a document to the latest version in one transaction, so observers never see a half
 * migrated document. Throws on a document written by a newer schema: an old client writing
 * into it with the old layout would corrupt it. Run it on the server when a document loads.
 */
export function migrateDoc(
	doc: Y.Doc,
	options: { migrations?: readonly Migration[] } = {}
): MigrateResult {
	const migrations = options.migrations ?? MIGRATIONS;
	const target = migrations.length ? migrations[migrations.length - 1].version : 0;
	const from = schemaVersionOf(doc);
	if (from > target) {
		throw new Error(
			`Document schemaVersion ${from} is newer than this build supports (${target}); ` +
				'update Planboard before opening it'
		);
	}
	const pending = migrations.filter((m) => m.version > from);
	pending.forEach((m, i) => {
		const expected = from + i + 1;
		if (m.version !== expected) {
			throw new Error(`Migration list has a gap: expected version ${expected}, got ${m.version}`);
		}
	});
	if (pending.length) {
		doc.transact(() => {
			const kind = docKind(doc);
			for (const m of pending) m.up(doc, kind);
			metaMap(doc).set('schemaVersion', target);
		}, 'migration');
	}
	return { from, to: Math.max(from, target), applied: pending.map((m) => m.version) };
}
