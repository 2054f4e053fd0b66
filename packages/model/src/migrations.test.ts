import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { readAssignments } from './assignments.js';
import { readCards } from './card.js';
import { docKind, metaMap, schemaVersionOf } from './meta.js';
import { CURRENT_SCHEMA_VERSION, MIGRATIONS, migrateDoc, type Migration } from './migrations.js';
import { readSections } from './section.js';
import { readTasks } from './task.js';
import { A, T, agencyDoc, planDoc, replicasOf } from './test-fixtures.js';

describe('migrateDoc', () => {
	it('starts the migration list at version 1 and leaves current documents alone', () => {
		expect(MIGRATIONS[0].version).toBe(1);
		expect(CURRENT_SCHEMA_VERSION).toBe(MIGRATIONS.at(-1)?.version);
		const doc = planDoc();
		let updates = 0;
		doc.on('update', () => updates++);
		expect(migrateDoc(doc)).toEqual({
			from: CURRENT_SCHEMA_VERSION,
			to: CURRENT_SCHEMA_VERSION,
			applied: []
		});
		expect(updates).toBe(0);
	});

	it('turns a version-1 plan (plain titles and sections) into Y.Texts and Y.Maps, readers total on both', () => {
		const v1 = planDoc();
		const before = { tasks: readTasks(v1), sections: readSections(v1) };
		// Rewrite the layout as version 1 stored it.
		v1.transact(() => {
			metaMap(v1).set('schemaVersion', 1);
			for (const task of v1.getMap<Y.Map<unknown>>('tasks').values()) {
				task.set('title', (task.get('title') as Y.Text).toString());
			}
			const sections = v1.getMap<unknown>('sections');
			for (const [id, s] of [...sections.entries()]) {
				sections.set(id, (s as Y.Map<unknown>).toJSON());
			}
		});
		expect(typeof v1.getMap<Y.Map<unknown>>('tasks').get(T.legal)?.get('title')).toBe('string');
		expect({ tasks: readTasks(v1), sections: readSections(v1) }).toEqual(before);
		const [other] = replicasOf(v1, 1);
		expect(migrateDoc(v1)).toEqual({ from: 1, to: 3, applied: [2, 3] });
		migrateDoc(other);
		Y.applyUpdate(v1, Y.encodeStateAsUpdate(other));
		Y.applyUpdate(other, Y.encodeStateAsUpdate(v1));
		for (const doc of [v1, other]) {
			expect(v1.getMap<Y.Map<unknown>>('tasks').get(T.legal)?.get('title')).toBeInstanceOf(Y.Text);
			expect(doc.getMap('sections').get('II')).toBeInstanceOf(Y.Map);
			expect({ tasks: readTasks(doc), sections: readSections(doc) }).toEqual(before);
		}
		expect(migrateDoc(v1).applied).toEqual([]);
	});

	it('turns version-2 plain agency lists into Y.Arrays, readers total on both, concurrent migrations merged', () => {
		const v2 = planDoc();
		const before = { tasks: readTasks(v2), assignments: readAssignments(v2) };
		v2.transact(() => {
			metaMap(v2).set('schemaVersion', 2);
			for (const task of v2.getMap<Y.Map<unknown>>('tasks').values()) {
				for (const k of ['lead', 'coordinating'])
					task.set(k, (task.get(k) as Y.Array<string>).toArray());
			}
			const assignments = v2.getMap<unknown>('assignments');
			for (const [k, ids] of [...assignments.entries()]) {
				assignments.set(k, (ids as Y.Array<string>).toArray());
			}
		});
		expect(Array.isArray(v2.getMap<Y.Map<unknown>>('tasks').get(T.border)?.get('lead'))).toBe(true);
		expect({ tasks: readTasks(v2), assignments: readAssignments(v2) }).toEqual(before);
		const [other] = replicasOf(v2, 1);
		expect(migrateDoc(v2)).toEqual({ from: 2, to: 3, applied: [3] });
		migrateDoc(other);
		Y.applyUpdate(v2, Y.encodeStateAsUpdate(other));
		Y.applyUpdate(other, Y.encodeStateAsUpdate(v2));
		for (const doc of [v2, other]) {
			const task = doc.getMap<Y.Map<unknown>>('tasks').get(T.border);
			expect(task?.get('lead')).toBeInstanceOf(Y.Array);
			expect(task?.get('coordinating')).toBeInstanceOf(Y.Array);
			expect(doc.getMap('assignments').get(A.bdbp)).toBeInstanceOf(Y.Array);
			expect({ tasks: readTasks(doc), assignments: readAssignments(doc) }).toEqual(before);
		}
		expect(migrateDoc(v2).applied).toEqual([]);
	});

	it('versions a document that predates versioning', () => {
		const doc = new Y.Doc();
		metaMap(doc).set('kind', 'agency');
		expect(migrateDoc(doc).applied).toEqual([1, 2, 3]);
		expect(schemaVersionOf(doc)).toBe(3);
		expect(docKind(doc)).toBe('agency');
	});

	it('migrates a version-1 document in one transaction', () => {
		const next = CURRENT_SCHEMA_VERSION + 1;
		const v2: Migration = {
			version: next,
			description: 'cards get a `priority` field',
			up(doc) {
				for (const card of doc.getMap<Y.Map<unknown>>('cards').values()) {
					if (!card.has('priority')) card.set('priority', 'normal');
				}
			}
		};
		const doc = agencyDoc();
		metaMap(doc).set('schemaVersion', CURRENT_SCHEMA_VERSION);
		let transactions = 0;
		doc.on('afterTransaction', () => transactions++);
		const result = migrateDoc(doc, { migrations: [...MIGRATIONS, v2] });
		expect(result).toEqual({ from: CURRENT_SCHEMA_VERSION, to: next, applied: [next] });
		expect(transactions).toBe(1);
		expect(schemaVersionOf(doc)).toBe(next);
		expect(doc.getMap<Y.Map<unknown>>('cards').get(T.legal)?.get('priority')).toBe('normal');
		expect(readCards(doc)).toHaveLength(4);
		// Applying again is a no-op.
		expect(migrateDoc(doc, { migrations: [...MIGRATIONS, v2] }).applied).toEqual([]);
	});

	it('refuses a document written by a newer schema, without touching it', () => {
		const doc = agencyDoc();
		metaMap(doc).set('schemaVersion', CURRENT_SCHEMA_VERSION + 1);
		const before = Y.encodeStateAsUpdate(doc);
		expect(() => migrateDoc(doc)).toThrow(
			`Document schemaVersion ${CURRENT_SCHEMA_VERSION + 1} is newer than this build supports (${CURRENT_SCHEMA_VERSION})`
		);
		expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
	});

	it('rejects a migration list with a gap', () => {
		const gap: Migration = { version: CURRENT_SCHEMA_VERSION + 2, description: 'x', up() {} };
		expect(() => migrateDoc(agencyDoc(), { migrations: [...MIGRATIONS, gap] })).toThrow(/gap/);
	});
});
