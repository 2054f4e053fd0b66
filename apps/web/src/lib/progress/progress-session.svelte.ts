import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { AgencyView } from '$lib/collab/agency-view.svelte';
import { closeEndsSession } from '$lib/collab/session-end';
import { PlanProgressView } from './plan-progress-view.svelte';

/** 'ended': the server closed the session or revoked the share link; no retry will help. */
export type LiveState = 'connecting' | 'online' | 'offline' | 'ended';

export interface ProgressSessionOptions {
	documents: { plan: string; agencies: Record<string, string> };
	/** '' authenticates with the session cookie. Share links never open documents (ShareFeed). */
	token: string;
	url?: string;
}

/**
 * The documents of one board, read-only: one WebSocket, a provider per document, no awareness
 * (leaders are not shown as present on the board) and no IndexedDB cache. Nothing here writes
 * to a document. Signed-in users only: a share link reads the server's snapshots (ShareFeed).
 * Browser only.
 */
export class ProgressSession {
	readonly plan: PlanProgressView;
	readonly agencies = new Map<string, AgencyView>();
	state = $state<LiveState>('connecting');
	readonly #socket: HocuspocusProviderWebsocket;
	readonly #providers: HocuspocusProvider[] = [];
	readonly #docs: Y.Doc[] = [];

	constructor({ documents, token, url }: ProgressSessionOptions) {
		const wsUrl =
			url ?? `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`;
		this.#socket = new HocuspocusProviderWebsocket({ url: wsUrl });
		this.#socket.on('status', ({ status }: { status: string }) => {
			if (this.state === 'ended') return;
			this.state =
				status === 'connected' ? 'online' : status === 'connecting' ? 'connecting' : 'offline';
		});
		this.#socket.on('close', ({ event }: { event: { code: number } }) => {
			if (closeEndsSession(event)) this.#end();
		});
		const open = (name: string): Y.Doc => {
			const doc = new Y.Doc();
			const provider = new HocuspocusProvider({
				name,
				document: doc,
				websocketProvider: this.#socket,
				token,
				awareness: null
			});
			provider.on('authenticationFailed', () => this.#end());
			provider.attach();
			this.#providers.push(provider);
			this.#docs.push(doc);
			return doc;
		};
		this.plan = new PlanProgressView(open(documents.plan));
		const reader = { id: '', name: '' };
		for (const [agencyId, name] of Object.entries(documents.agencies)) {
			this.agencies.set(
				agencyId,
				new AgencyView({ doc: open(name), agencyId, writable: false, writer: reader })
			);
		}
	}

	agency(agencyId: string): AgencyView | undefined {
		return this.agencies.get(agencyId);
	}

	/** Stops reconnecting: a revoked link or ended session stays refused. */
	#end(): void {
		this.state = 'ended';
		this.#socket.disconnect();
	}

	destroy(): void {
		for (const p of this.#providers) p.destroy();
		for (const d of this.#docs) d.destroy();
		this.#socket.destroy();
	}
}
