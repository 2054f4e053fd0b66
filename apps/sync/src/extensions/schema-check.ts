import type { Extension, beforeSyncPayload } from '@hocuspocus/server';
import {
	childShape,
	docKind,
	keyProblem,
	rootShape,
	shapeType,
	type DocKind,
	type Shape
} from '@planboard/model';
import * as Y from 'yjs';
import { CloseCodes } from '../close-codes.js';
import { carriesUpdate } from '../frames.js';
import type { SyncContext } from '../context.js';
import type { Logger } from '@planboard/config';

class InvalidUpdate extends Error {
	readonly code = CloseCodes.InvalidUpdate.code;
	readonly reason = CloseCodes.InvalidUpdate.reason;
}

/** Where an inserted struct goes: its parent's shape (null: not a known part) and map key. */
interface Place {
	shape: Shape | null;
	key: string | null;
}

/** One inserted item that breaks the schema, and why. */
export interface SchemaProblem {
	id: Y.ID;
	problem: string;
}

/**
 * Every inserted item of an update that would put a value of the wrong type or shape into a known
 * part of the document's schema (packages/model `rootShape`). Decided on the decoded structs
 * without applying anything: each item's parent is found in the document or in the update (an
 * item stores only its neighbours when they give the parent, and a type created in the same
 * update is placed first, whatever order the update lists its clients in), and its content
 * checked against the shape of that place. Deletions are not checked (readers tolerate missing
 * parts). An item whose place cannot be found, because it builds on items neither the document
 * nor the update holds, is not checked here: Yjs keeps it pending, and `SchemaCheck` checks it
 * again, with the update that completes it, before it can be integrated.
 */
export function schemaProblems(update: Uint8Array, doc: Y.Doc, kind: DocKind): SchemaProblem[] {
	let structs: (Y.Item | Y.GC | Y.Skip)[];
	try {
		structs = Y.decodeUpdate(update).structs as (Y.Item | Y.GC | Y.Skip)[];
	} catch {
		return []; // Undecodable bytes are UpdateCheck's to refuse.
	}
	const items = structs.filter((s): s is Y.Item => s instanceof Y.Item);
	if (items.length === 0) return [];
	const inUpdate = itemFinder(items);
	const inDoc = (id: Y.ID): Y.Item | null => {
		if (id.clock >= Y.getState(doc.store, id.client)) return null;
		const s = Y.getItem(doc.store, id);
		return s instanceof Y.Item ? s : null;
	};
	const typeShapes = new Map<Y.AbstractType<unknown>, Shape | null>();
	const shapeOfType = (type: Y.AbstractType<unknown>): Shape | null => {
		const hit = typeShapes.get(type);
		if (hit !== undefined) return hit;
		const item = type._item;
		const shape =
			item === null
				? rootShape(kind, Y.findRootTypeKey(type))
				: childShape(shapeOfType(item.parent as Y.AbstractType<unknown>), item.parentSub);
		typeShapes.set(type, shape);
		return shape;
	};
	const places = new Map<Y.Item, Place>();
	/** The shape of the type an item of this update creates (null: none, or not a known part). */
	const createdShape = (item: Y.Item, depth: number): Shape | null => {
		if (!(item.content instanceof Y.ContentType)) return null;
		const { shape, key } = placeOf(item, depth + 1);
		if (shape === null || shape.kind === 'value' || shape.kind === 'text') return null;
		return childShape(shape, key);
	};
	const placeOf = (item: Y.Item, depth = 0): Place => {
		const known = places.get(item);
		if (known) return known;
		let place: Place = { shape: null, key: item.parentSub };
		if (depth > 10_000) return place;
		places.set(item, place); // A cycle of forged references resolves to "unknown".
		const parent = item.parent as unknown;
		if (typeof parent === 'string') {
			place = { shape: rootShape(kind, parent), key: item.parentSub };
		} else if (parent instanceof Y.ID) {
			const holder = inDoc(parent);
			if (holder) {
				const type = holder.content instanceof Y.ContentType ? holder.content.type : null;
				place = { shape: type ? shapeOfType(type) : null, key: item.parentSub };
			} else {
				const own = inUpdate(parent);
				if (own && own !== item) place = { shape: createdShape(own, depth), key: item.parentSub };
			}
		} else {
			// Parent and key are those of a neighbour (left origin, else right origin).
			const near = item.origin ?? item.rightOrigin;
			if (near) {
				const docItem = inDoc(near);
				if (docItem) {
					place = {
						shape: shapeOfType(docItem.parent as Y.AbstractType<unknown>),
						key: docItem.parentSub
					};
				} else {
					const sibling = inUpdate(near);
					if (sibling && sibling !== item) place = placeOf(sibling, depth + 1);
				}
			}
		}
		places.set(item, place);
		return place;
	};
	const out: SchemaProblem[] = [];
	for (const item of items) {
		const problem = itemProblem(item, placeOf(item));
		if (problem) out.push({ id: item.id, problem });
	}
	return out;
}

/** Finds the item of a list holding an id (items of one client are contiguous clock ranges). */
function itemFinder(items: Y.Item[]): (id: Y.ID) => Y.Item | null {
	const byClient = new Map<number, Y.Item[]>();
	for (const item of items) {
		const list = byClient.get(item.id.client) ?? [];
		list.push(item);
		byClient.set(item.id.client, list);
	}
	for (const list of byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock);
	return (id) => {
		for (const item of byClient.get(id.client) ?? []) {
			if (id.clock >= item.id.clock && id.clock < item.id.clock + item.length) return item;
		}
		return null;
	};
}

/** Why an item's content does not fit its place, or null when it does (or the place is free). */
function itemProblem(item: Y.Item, { shape: parentShape, key }: Place): string | null {
	if (parentShape === null || parentShape.kind === 'value' || parentShape.kind === 'text') {
		return null;
	}
	const content = item.content;
	const where = `${item.id.client}:${item.id.clock}${key === null ? '' : ` (key ${JSON.stringify(key.slice(0, 80))})`}`;
	if (parentShape.kind === 'map' && key === null) return `${where}: a list entry in a map`;
	if (parentShape.kind === 'array' && key !== null) return `${where}: a map entry in a list`;
	if (content instanceof Y.ContentDeleted) return null;
	const badKey = key === null ? null : keyProblem(parentShape, key);
	if (badKey) return `${where}: key ${badKey}`;
	const shape = childShape(parentShape, key);
	if (shape === null) return null;
	const type = shapeType(shape);
	if (type !== null) {
		return content instanceof Y.ContentType && content.type instanceof type
			? null
			: `${where}: expected a ${shape.kind}`;
	}
	if (!(content instanceof Y.ContentAny) || shape.kind !== 'value') {
		return `${where}: expected a plain value`;
	}
	for (const v of content.arr) {
		const problem = shape.problem(v);
		if (problem) return `${where}: ${problem}`;
	}
	return null;
}

export interface SchemaCheckConfig {
	log: Logger;
}

/** Transaction origin of the check's own repairs (stored with no author). */
const SCHEMA_REPAIR = Symbol('schema-repair');

/**
 * Refuses, before Hocuspocus applies it, an update that puts a value of the wrong type or shape
 * into a known part of the schema: the sender's socket is closed with 4422 (`invalid-update`),
 * nothing is stored and no other client sees it. Readers stay total regardless (a document
 * loaded from before this check, or a part it cannot decide, is read defensively).
 *
 * An update built on items the server lacks is parked by Yjs (a reconnecting provider sends
 * such updates honestly). Its unplaceable items are checked when the update that completes them
 * arrives, merged with what is parked:
 * - a bad item of the arriving update (placed through the parked part) refuses its sender;
 * - a bad item of the parked part is not the arriving sender's doing (anyone can park items that
 *   wait for another client's next edit), so that sender is served, and the bad item is deleted
 *   by the server in its own transaction right after it integrates. Every client converges on
 *   the deletion, including one that received the parked item in a sync while it waited.
 */
export class SchemaCheck implements Extension {
	extensionName = 'SchemaCheck';
	configuration: SchemaCheckConfig;

	constructor(configuration: SchemaCheckConfig) {
		this.configuration = configuration;
	}

	async beforeSync({
		type,
		payload,
		document,
		documentName,
		context
	}: beforeSyncPayload<SyncContext>): Promise<void> {
		if (!carriesUpdate(type)) return;
		const kind = docKind(document);
		if (kind === null) return;
		const log = this.configuration.log;
		const parked = document.store.pendingStructs;
		const problems = parked
			? schemaProblems(
					Y.mergeUpdates([Y.convertUpdateFormatV2ToV1(parked.update), payload]),
					document,
					kind
				)
			: schemaProblems(payload, document, kind);
		if (problems.length === 0) return;
		const sent = itemFinder(decodedItems(payload));
		const own = problems.find((p) => sent(p.id) !== null);
		if (!own) {
			for (const p of problems) {
				log.warn('update.parked_invalid', { document: documentName, problem: p.problem });
			}
			repairAfterIntegration(
				document,
				problems.map((p) => p.id),
				() => log.warn('update.repaired', { document: documentName, items: problems.length })
			);
			return;
		}
		log.warn('update.invalid', {
			document: documentName,
			user: context.user?.username ?? null,
			ip: context.ip,
			problem: own.problem
		});
		context.socket.close(CloseCodes.InvalidUpdate.code, CloseCodes.InvalidUpdate.reason);
		throw new InvalidUpdate(own.problem);
	}
}

function decodedItems(update: Uint8Array): Y.Item[] {
	try {
		return Y.decodeUpdate(update).structs.filter((s): s is Y.Item => s instanceof Y.Item);
	} catch {
		return [];
	}
}

/** Parked bad items awaiting deletion, per document, as `client:clock`. */
const repairing = new WeakMap<Y.Doc, Set<string>>();

/**
 * Deletes the given items as soon as a transaction has integrated them, in a transaction of the
 * server's own (stored and broadcast like any update). Deleting a map entry leaves the key
 * missing, which every reader tolerates; deleting a list entry removes it.
 */
function repairAfterIntegration(doc: Y.Doc, ids: Y.ID[], done: () => void): void {
	// Every update arriving while a bad item stays parked finds it again: watch each item once.
	const watched = repairing.get(doc) ?? new Set<string>();
	repairing.set(doc, watched);
	let waiting = ids.filter((id) => !watched.has(`${id.client}:${id.clock}`));
	if (waiting.length === 0) return;
	for (const id of waiting) watched.add(`${id.client}:${id.clock}`);
	const integrated = (id: Y.ID) => id.clock < Y.getState(doc.store, id.client);
	const check = () => {
		const ready = waiting.filter(integrated);
		if (ready.length === 0) return;
		waiting = waiting.filter((id) => !integrated(id));
		if (waiting.length === 0) doc.off('afterTransaction', check);
		// After the integrating transaction is done, never inside it.
		queueMicrotask(() => {
			Y.transact(
				doc,
				(tr) => {
					for (const id of ready) {
						const item = Y.getItem(doc.store, id);
						if (item instanceof Y.Item && !item.deleted) item.delete(tr);
						watched.delete(`${id.client}:${id.clock}`);
					}
				},
				SCHEMA_REPAIR
			);
			if (waiting.length === 0) done();
		});
	};
	doc.on('afterTransaction', check);
}
