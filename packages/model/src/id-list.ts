import * as Y from 'yjs';
import { stringList } from './malformed.js';

/**
 * A list of ids that several people edit at once: a task's lead and coordinating agencies, an
 * agency's assigned tasks. Stored as a Y.Array of strings (schema version 3), so two concurrent
 * additions are both kept and a removal deletes only the entries it saw. Writers never append
 * an id already present; two replicas adding the same id at once store it twice, so the
 * reader keeps the first of each id. Documents not migrated yet hold a plain array; the reader
 * takes that too, and the first write turns it into a Y.Array.
 */
export function readIdList(v: unknown): string[] | null {
	if (v instanceof Y.Array) {
		const items: unknown[] = v.toArray();
		return dedupe(items.filter((s): s is string => typeof s === 'string'));
	}
	const plain = stringList(v);
	return plain && dedupe(plain);
}

function dedupe(ids: string[]): string[] {
	return [...new Set(ids)];
}

/** A new stored list holding `ids` (duplicates dropped). */
export function newIdList(ids: readonly string[]): Y.Array<string> {
	const arr = new Y.Array<string>();
	arr.push(dedupe([...ids]));
	return arr;
}

/** The Y.Array under `key`, converting a plain (or missing, or malformed) value first. */
function listAt(map: Y.Map<unknown>, key: string): Y.Array<string> {
	const v = map.get(key);
	if (v instanceof Y.Array) return v as Y.Array<string>;
	const arr = newIdList(readIdList(v) ?? []);
	map.set(key, arr);
	return arr;
}

/**
 * Makes the list under `key` read `ids`, touching only what differs from what this replica
 * sees: entries no longer wanted (and stray duplicates) are deleted, missing ones inserted at
 * their place. A concurrent addition by someone else is therefore kept. Call inside a
 * transaction.
 */
export function writeIdList(map: Y.Map<unknown>, key: string, ids: readonly string[]): void {
	const target = dedupe([...ids]);
	const arr = listAt(map, key);
	const wanted = new Set(target);
	const seen = new Set<string>();
	const items: unknown[] = arr.toArray();
	for (let i = items.length - 1; i >= 0; i--) {
		const v = items[i];
		// Keep the first of each id: walk backwards, so drop an entry when an earlier one exists.
		const earlier = items.slice(0, i).includes(v);
		if (typeof v !== 'string' || !wanted.has(v) || earlier) arr.delete(i, 1);
	}
	for (const v of arr.toArray()) seen.add(v);
	for (let j = 0; j < target.length; j++) {
		const id = target[j];
		const current = arr.toArray();
		if (current[j] === id) continue;
		if (seen.has(id)) arr.delete(current.indexOf(id), 1);
		arr.insert(j, [id]);
		seen.add(id);
	}
}

/** Adds `id` at the end unless present. Call inside a transaction. */
export function addToIdList(map: Y.Map<unknown>, key: string, id: string): void {
	const arr = listAt(map, key);
	if (!arr.toArray().includes(id)) arr.push([id]);
}

/** Removes every entry of `id`. Call inside a transaction. */
export function removeFromIdList(map: Y.Map<unknown>, key: string, id: string): void {
	const arr = listAt(map, key);
	const items = arr.toArray();
	for (let i = items.length - 1; i >= 0; i--) if (items[i] === id) arr.delete(i, 1);
}
