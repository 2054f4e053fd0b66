import type { Extension, beforeSyncPayload } from '@hocuspocus/server';
import * as Y from 'yjs';
import { CloseCodes } from '../close-codes.js';
import { carriesUpdate } from '../frames.js';
import type { SyncContext } from '../context.js';
import type { Logger } from '@planboard/config';

/** Thrown into Hocuspocus so it stops handling the message before applying or acknowledging it. */
class MalformedUpdate extends Error {
	readonly code = CloseCodes.MalformedMessage.code;
	readonly reason = CloseCodes.MalformedMessage.reason;
}

/**
 * Why an update cannot be decoded, or null when it can. Yjs throws on some malformed bytes but
 * reads others without complaint, so the whole update is decoded here before Hocuspocus applies
 * or acknowledges it.
 *
 * An update whose structs start past what the document holds, or point at items it lacks, is
 * NOT refused: Yjs parks it as pending and integrates it when the missing part arrives. Honest
 * providers send such updates during a reconnect (an edit made right after the socket opens
 * reaches the server before the sync step that carries the edits made offline; the reconnect
 * storm test shows it), and nothing is lost by accepting them: until the missing part arrives
 * nothing of it is stored, and the client's next sync step sends it again.
 */
export function updateProblem(update: Uint8Array): string | null {
	try {
		Y.decodeUpdate(update);
		return null;
	} catch (error) {
		return `undecodable: ${(error as Error).message}`;
	}
}

/**
 * Refuses an update that cannot be decoded before Hocuspocus applies or acknowledges it:
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
		documentName,
		context
	}: beforeSyncPayload<SyncContext>): Promise<void> {
		if (!carriesUpdate(type)) return;
		const problem = updateProblem(payload);
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
