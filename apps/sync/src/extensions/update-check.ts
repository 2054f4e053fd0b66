import type { Extension, beforeSyncPayload } from '@hocuspocus/server';
import * as Y from 'yjs';
import { CloseCodes } from '../close-codes.js';
import type { SyncContext } from '../context.js';
import type { Logger } from '@planboard/config';

/** y-protocols sync message types that carry an update to apply. */
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** Thrown into Hocuspocus so it stops handling the message before applying or acknowledging it. */
class MalformedUpdate extends Error {
	readonly code = CloseCodes.MalformedMessage.code;
	readonly reason = CloseCodes.MalformedMessage.reason;
}

/**
 * Why an update cannot be applied in full to a document with state vector `known`, or null when
 * it can. Yjs itself throws on some malformed bytes, but accepts others silently: an update whose
 * structs start past what the document holds, or point at items it lacks, is parked as
 * "pending" in memory, and Hocuspocus then acknowledges it as synced although nothing was
 * applied or stored. Legitimate providers only ever send updates built on what the server sent
 * them, so a gap means a forged or corrupted message.
 */
export function updateProblem(update: Uint8Array, known: Map<number, number>): string | null {
	let decoded: ReturnType<typeof Y.decodeUpdate>;
	try {
		decoded = Y.decodeUpdate(update);
	} catch (error) {
		return `undecodable: ${(error as Error).message}`;
	}
	// Extend each client's known clock by this update's own contiguous structs.
	const reach = new Map(known);
	const byClient = new Map<number, (Y.Item | Y.GC | Y.Skip)[]>();
	for (const struct of decoded.structs) {
		const list = byClient.get(struct.id.client) ?? [];
		list.push(struct as Y.Item | Y.GC | Y.Skip);
		byClient.set(struct.id.client, list);
	}
	for (const [client, structs] of byClient) {
		structs.sort((a, b) => a.id.clock - b.id.clock);
		let clock = reach.get(client) ?? 0;
		for (const struct of structs) {
			if (struct instanceof Y.Skip) continue;
			if (struct.id.clock > clock) return `gap in client ${client} at clock ${struct.id.clock}`;
			clock = Math.max(clock, struct.id.clock + struct.length);
		}
		reach.set(client, clock);
	}
	const has = (id: Y.ID | null) => id === null || id.clock < (reach.get(id.client) ?? 0);
	for (const struct of decoded.structs) {
		if (!(struct instanceof Y.Item)) continue;
		const parent = struct.parent instanceof Y.ID ? struct.parent : null;
		if (!has(struct.origin) || !has(struct.rightOrigin) || !has(parent))
			return `struct ${struct.id.client}:${struct.id.clock} refers to a missing item`;
	}
	for (const [client, ranges] of decoded.ds.clients) {
		for (const range of ranges) {
			if (range.clock + range.len > (reach.get(client) ?? 0))
				return `deletes unknown items of client ${client}`;
		}
	}
	return null;
}

/**
 * Refuses an update that cannot be applied in full before Hocuspocus applies or acknowledges it:
 * the sender's socket is closed with 4400 (`malformed-message`), nothing is stored, no other
 * client sees it, and the log names the user and the document.
 */
export class UpdateCheck implements Extension {
	extensionName = 'UpdateCheck';
	configuration: { log: Logger };

	constructor(configuration: { log: Logger }) {
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
		const problem = updateProblem(payload, Y.decodeStateVector(Y.encodeStateVector(document)));
		if (!problem) return;
		this.configuration.log.warn('update.malformed', {
			document: documentName,
			user: context.user?.username ?? null,
			ip: context.ip,
			bytes: payload.byteLength,
			problem
		});
		// The whole socket, as the durable log does on a storage failure: Hocuspocus's own close
		// would end only this document's subscription and leave the provider attached to it.
		context.socket.close(CloseCodes.MalformedMessage.code, CloseCodes.MalformedMessage.reason);
		throw new MalformedUpdate(problem);
	}
}
