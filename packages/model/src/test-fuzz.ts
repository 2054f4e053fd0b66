import * as Y from 'yjs';
import { ROOT } from './meta.js';
import type { prng } from './test-fixtures.js';
import { T } from './test-fixtures.js';

/**
 * Random Yjs writes against the schema's keys, for fuzzing readers (model, report, web): any
 * type and value (null, NaN, huge numbers, strings, binary, plain objects, nested Y types),
 * deletes, and roots used as another type. Test helper, not part of the package's API.
 */
type Rng = ReturnType<typeof prng>;

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
export function randomValue(rng: Rng, depth = 0): unknown {
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
export function mutate(rng: Rng, doc: Y.Doc, writer: Y.Doc): void {
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
