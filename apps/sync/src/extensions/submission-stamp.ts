import type { Extension, afterLoadDocumentPayload } from '@hocuspocus/server';
import type { Logger } from '@planboard/config';
import { docKind, stampSubmissions, submissionsMap } from '@planboard/model';
import type * as Y from 'yjs';
import { contextOfOrigin } from '../context.js';

export interface SubmissionStampConfig {
	log: Logger;
	/** Epoch milliseconds; the wall clock unless a test sets it. */
	now?: () => number;
}

/** Transaction origin of the stamps (stored with no author, never stamped again). */
const STAMP = Symbol('submission-stamp');

/**
 * A reporting round's lateness is decided by the server's clock: when a client's update writes
 * an agency's report (`reportSubmissions`), the server sets its time to when it received it, in
 * a transaction of its own right after the update integrates (stored and broadcast like any
 * update, so every replica converges on the server's time). A client that writes a forged or
 * skewed `submittedAt` therefore changes nothing; an offline submission counts from when it
 * reaches the server. Only updates from this server's own connections are stamped: a document's
 * stored state, the server's own writes and updates relayed by other servers already carry
 * their receiving server's stamp.
 */
export class SubmissionStamp implements Extension {
	extensionName = 'SubmissionStamp';
	configuration: SubmissionStampConfig;

	constructor(configuration: SubmissionStampConfig) {
		this.configuration = configuration;
	}

	async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload): Promise<void> {
		if (docKind(document) !== 'agency') return;
		const now = this.configuration.now ?? Date.now;
		submissionsMap(document).observe((event, tr: Y.Transaction) => {
			const context = contextOfOrigin(tr.origin);
			if (!context) return;
			const at = now();
			const written = [...event.changes.keys]
				.filter(([, change]) => change.action !== 'delete')
				.map(([key]) => key);
			if (written.length === 0) return;
			// After the integrating transaction is done, never inside it.
			queueMicrotask(() => {
				const stamped = stampSubmissions(document, { roundIds: written, at, origin: STAMP });
				if (stamped > 0)
					this.configuration.log.info('report.stamped', {
						document: documentName,
						user: context.user?.username ?? null,
						rounds: written
					});
			});
		});
	}
}
