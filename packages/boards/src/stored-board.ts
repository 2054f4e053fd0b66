import { agencyDocName, planDocName } from '@planboard/model';
import type { PlanAgency, Store } from '@planboard/store';
import * as Y from 'yjs';
import { sqliteDocumentStore } from './sqlite-documents.js';
import { docFromStored } from './stored.js';

/**
 * A stored board as the exports read it: its row, its agencies, and each document, loaded once
 * through the DocumentStore (its state as one update on demand). The shape is the report
 * package's BoardSource.
 */
export interface StoredBoard {
	plan: { id: string; title: string; year: number; sourceJson: string };
	agencies: PlanAgency[];
	loadState: (name: string) => Uint8Array | null;
	/** The loaded document (null: never written), read by the exports without re-decoding. */
	loadDoc: (name: string) => Y.Doc | null;
}

/**
 * Reads a whole board, now or as it stood at `at`, for the CLI's and the web app's exports.
 * Null when the store has no such plan.
 */
export async function readStoredBoard(options: {
	store: Store;
	planId: string;
	at?: Date;
}): Promise<StoredBoard | null> {
	const { store, planId, at } = options;
	const plan = store.plans.get(planId);
	if (!plan) return null;
	const agencies = store.plans.agencies(planId);
	const documents = sqliteDocumentStore(store);
	const names = [
		planDocName(planId),
		...agencies.map((a) => agencyDocName({ planId, agencyId: a.id }))
	];
	const docs = new Map<string, Y.Doc | null>();
	for (const name of names) {
		const stored = at
			? await documents.loadStateAt({ document: name, at })
			: await documents.loadState(name);
		// A document never written (by then) stays null, as a backup leaves it out.
		const empty = !stored.snapshot && stored.updates.length === 0;
		docs.set(name, empty ? null : docFromStored(stored, name));
	}
	// Encoded only for a reader that wants bytes (the JSON backup), once per document.
	const states = new Map<string, Uint8Array>();
	return {
		plan: { id: plan.id, title: plan.title, year: plan.year, sourceJson: plan.sourceJson },
		agencies,
		loadDoc: (name) => docs.get(name) ?? null,
		loadState: (name) => {
			const doc = docs.get(name);
			if (!doc) return null;
			const state = states.get(name) ?? Y.encodeStateAsUpdate(doc);
			states.set(name, state);
			return state;
		}
	};
}
