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
import type { SyncContext } from '../context.js';
import type { Logger } from '@planboard/config';

/** y-protocols sync message types that carry an update to apply. */
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

class InvalidUpdate extends Error {
	readonly code = CloseCodes.InvalidUpdate.code;
	readonly reason = CloseCodes.InvalidUpdate.reason;
}

/** Where an inserted struct goes: its parent's shape (null: not a known part) and map key. */
interface Place {
	shape: Shape | null;
	key: string | null;
}

const idKey = (id: Y.ID) => `${id.client}:${id.clock}`;

/**
 * Why an update would put a value of the wrong type or shape into a known part of the document's
 * schema (packages/model `rootShape`), or null when it would not. Decided on the decoded structs
 * without applying anything: each inserted item's parent is found in the document or earlier in
 * the update (an item stores only its neighbours when they give the parent), and its content
 * checked against the shape of that place. Deletions are not checked (readers tolerate missing
 * parts). An item whose place cannot be found, because it builds on items the server does not
 * have yet (an update Yjs keeps pending, as a reconnecting provider sends), is not checked: it
 * is integrated later, when its missing part arrives, without passing here again. Readers stay
 * total for whatever such an item holds.
 */
export function schemaProblem(update: Uint8Array, doc: Y.Doc, kind: DocKind): string | null {
	let structs: (Y.Item | Y.GC | Y.Skip)[];
	try {
		structs = Y.decodeUpdate(update).structs as (Y.Item | Y.GC | Y.Skip)[];
	} catch {
		return null; // Undecodable bytes are UpdateCheck's to refuse.
	}
	const items = structs.filter((s): s is Y.Item => s instanceof Y.Item);
	if (items.length === 0) return null;
	/** This update's items by client, sorted by clock, to find the one holding an id. */
	const byClient = new Map<number, Y.Item[]>();
	for (const item of items) {
		const list = byClient.get(item.id.client) ?? [];
		list.push(item);
		byClient.set(item.id.client, list);
	}
	for (const list of byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock);
	const inUpdate = (id: Y.ID): Y.Item | null => {
		const list = byClient.get(id.client);
		if (!list) return null;
		for (const item of list) {
			if (id.clock >= item.id.clock && id.clock < item.id.clock + item.length) return item;
		}
		return null;
	};
	const inDoc = (id: Y.ID): Y.Item | null => {
		if (id.clock >= Y.getState(doc.store, id.client)) return null;
		const s = Y.getItem(doc.store, id);
		return s instanceof Y.Item ? s : null;
	};
	/** Shapes of the types this update creates, by the creating item's id. */
	const created = new Map<string, Shape | null>();
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
	const placeOf = (item: Y.Item, depth = 0): Place => {
		const known = places.get(item);
		if (known) return known;
		let place: Place = { shape: null, key: item.parentSub };
		if (depth > 10_000) return place;
		const parent = item.parent as unknown;
		if (typeof parent === 'string') {
			place = { shape: rootShape(kind, parent), key: item.parentSub };
		} else if (parent instanceof Y.ID) {
			const own = created.get(idKey(parent));
			if (own !== undefined) place = { shape: own, key: item.parentSub };
			else {
				const holder = inDoc(parent);
				const type = holder?.content instanceof Y.ContentType ? holder.content.type : null;
				place = { shape: type ? shapeOfType(type) : null, key: item.parentSub };
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
	for (const item of items) {
		const { shape: parentShape, key } = placeOf(item);
		const content = item.content;
		if (parentShape === null || parentShape.kind === 'value') {
			if (content instanceof Y.ContentType) created.set(idKey(item.id), null);
			continue;
		}
		const where = `${item.id.client}:${item.id.clock}${key === null ? '' : ` (key ${JSON.stringify(key.slice(0, 80))})`}`;
		if (parentShape.kind === 'text') {
			if (content instanceof Y.ContentType) created.set(idKey(item.id), null);
			continue;
		}
		if (parentShape.kind === 'map' && key === null) return `${where}: a list entry in a map`;
		if (parentShape.kind === 'array' && key !== null) return `${where}: a map entry in a list`;
		if (content instanceof Y.ContentDeleted) continue;
		const badKey = key === null ? null : keyProblem(parentShape, key);
		if (badKey) return `${where}: key ${badKey}`;
		const shape = childShape(parentShape, key);
		if (shape === null) {
			if (content instanceof Y.ContentType) created.set(idKey(item.id), null);
			continue;
		}
		const type = shapeType(shape);
		if (type !== null) {
			if (!(content instanceof Y.ContentType) || !(content.type instanceof type)) {
				return `${where}: expected a ${shape.kind}`;
			}
			created.set(idKey(item.id), shape);
			continue;
		}
		if (!(content instanceof Y.ContentAny) || shape.kind !== 'value') {
			return `${where}: expected a plain value`;
		}
		for (const v of content.arr) {
			const problem = shape.problem(v);
			if (problem) return `${where}: ${problem}`;
		}
	}
	return null;
}

export interface SchemaCheckConfig {
	log: Logger;
}

/**
 * Refuses, before Hocuspocus applies it, an update that puts a value of the wrong type or shape
 * into a known part of the schema: the sender's socket is closed with 4422 (`invalid-update`),
 * nothing is stored and no other client sees it. Readers stay total regardless (a document
 * loaded from before this check, or a part it cannot decide, is read defensively).
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
		if (type !== SYNC_STEP_2 && type !== SYNC_UPDATE) return;
		const kind = docKind(document);
		if (kind === null) return;
		const problem = schemaProblem(payload, document, kind);
		if (!problem) return;
		this.configuration.log.warn('update.invalid', {
			document: documentName,
			user: context.user?.username ?? null,
			ip: context.ip,
			problem
		});
		context.socket.close(CloseCodes.InvalidUpdate.code, CloseCodes.InvalidUpdate.reason);
		throw new InvalidUpdate(problem);
	}
}
