import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { documentAccess } from '@planboard/auth/access';
import { nameDoc } from '@planboard/model';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { AgencyView } from './agency-view.svelte';
import { LiveViews } from './live-views';
import { cacheName, dropUnsentEdits, pendingKey, registerCacheOwner } from './offline-cache';
import { PlanView } from './plan-view.svelte';
import { Presence, type PresenceUser } from './presence.svelte';
import { closeEndsSession, refusalEndsSession } from './session-end';
import { SyncStatus } from './sync-status.svelte';

export interface SessionUser {
	id: string;
	role: string;
	agencyId: string | null;
	displayName: string;
}

export interface BoardSessionOptions {
	documents: { plan: string; agencies: Record<string, string> };
	user: SessionUser;
	/** Defaults to the same origin's `/collab`, so the HttpOnly session cookie authenticates. */
	url?: string;
}

/**
 * How long a document's provider waits for its IndexedDB cache before connecting anyway. Longer
 * than a large board's cache takes to load on a slow device: connected before its cache is in,
 * a document asks the server for everything (the 2,000-card board's 46 documents came whole
 * over the network on a warm load when this was 300 ms) and then sends its cache back.
 */
const CACHE_WAIT_MS = 3000;

/** Unsent edits dropped on opening the board: the user may no longer write their document. */
export interface DiscardedEdits {
	/** The document's name (`plan/<id>` or `plan/<id>/agency/<agencyId>`). */
	document: string;
	count: number;
}

interface Handle {
	name: string;
	doc: Y.Doc;
	provider: HocuspocusProvider;
	cache: IndexeddbPersistence;
	writable: boolean;
}

/**
 * Everything live about one board for one user: a Y.Doc per document (the plan and each
 * agency), multiplexed over one WebSocket, each cached in IndexedDB under a per-user name so
 * the board opens and accepts edits offline. Browser only.
 */
export class BoardSession {
	readonly plan: PlanView;
	readonly agencies = new Map<string, AgencyView>();
	/** Which documents the board shows yet: all at once when the last one has loaded. */
	readonly live: LiveViews;
	readonly status: SyncStatus;
	readonly presence: Presence;
	/** Who is signed in, and whether the access rule lets them write the plan document. */
	readonly user: SessionUser;
	readonly planWritable: boolean;
	/** Unsent edits this load dropped instead of replaying (see dropUnsentEdits); shown on the board. */
	readonly discarded: DiscardedEdits[] = [];
	readonly #socket: HocuspocusProviderWebsocket;
	readonly #handles: Handle[] = [];
	readonly #cleanup: (() => void)[] = [];
	#ended = false;
	#destroyed = false;
	/**
	 * Resolves when every document's IndexedDB cache is in its Y.Doc: what a warm load can show
	 * before the network answers. Also marked as `planboard:cache-loaded` for the benches.
	 */
	readonly cacheLoaded: Promise<void>;
	/** Cancels the reconnect kicks of #followBrowserConnectivity. */
	#stopKick: () => void = () => {};

	constructor({ documents, user, url }: BoardSessionOptions) {
		const wsUrl =
			url ?? `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`;
		this.#socket = new HocuspocusProviderWebsocket({ url: wsUrl });
		const open = (name: string, awareness: boolean): Handle => {
			const doc = nameDoc(new Y.Doc(), name);
			const writable = documentAccess({ user, document: name }) === 'write';
			// Edits kept from when this user could write here would replay into a document they now
			// only read: drop them before its cache opens, and say so on the board.
			const dropped = writable ? 0 : dropUnsentEdits({ userId: user.id, documentName: name });
			if (dropped > 0) this.discarded.push({ document: name, count: dropped });
			// The cache first: a warm load paints from IndexedDB (the views go live as soon as its
			// transaction lands), and the provider's first sync message then carries the cached
			// state, so the server answers with only what changed since instead of the whole
			// document. CACHE_WAIT_MS caps the wait: a blocked IndexedDB (a logout deleting it in
			// another tab) must not hold the network back for long.
			const cache = new IndexeddbPersistence(cacheName(user.id, name), doc);
			const provider = new HocuspocusProvider({
				name,
				document: doc,
				websocketProvider: this.#socket,
				// Empty: the server then reads the HttpOnly session cookie from the upgrade request.
				token: '',
				...(awareness ? {} : { awareness: null })
			});
			provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
				if (refusalEndsSession(reason)) this.#endSession();
			});
			let attached = false;
			const attach = () => {
				if (attached || this.#destroyed || this.#ended) return;
				attached = true;
				provider.attach();
			};
			void cache.whenSynced.then(attach);
			setTimeout(attach, CACHE_WAIT_MS);
			const handle = { name, doc, provider, cache, writable };
			this.#handles.push(handle);
			return handle;
		};
		const planHandle = open(documents.plan, true);
		this.user = user;
		this.planWritable = planHandle.writable;
		this.plan = new PlanView(planHandle.doc);
		const writer = { id: user.id, name: user.displayName };
		for (const [agencyId, name] of Object.entries(documents.agencies)) {
			const h = open(name, false);
			this.agencies.set(
				agencyId,
				new AgencyView({ doc: h.doc, agencyId, writable: h.writable, writer })
			);
		}
		this.live = new LiveViews({ plan: this.plan, agencies: this.agencies });
		this.cacheLoaded = Promise.all(this.#handles.map((h) => h.cache.whenSynced)).then(() => {
			performance.mark('planboard:cache-loaded');
		});
		this.status = new SyncStatus({
			socket: this.#socket,
			tracked: this.#handles
				.filter((h) => h.writable)
				.map((h) => ({
					doc: h.doc,
					provider: h.provider,
					cacheOrigin: h.cache,
					key: pendingKey(user.id, h.name)
				}))
		});
		const awareness = planHandle.provider.awareness;
		if (!awareness) throw new Error('The plan provider must carry awareness');
		const me: PresenceUser = { id: user.id, name: user.displayName, agencyId: user.agencyId };
		this.presence = new Presence({ awareness, me });
		const onClose = ({ event }: { event?: { code?: number } }) => {
			if (closeEndsSession(event)) this.#endSession();
		};
		this.#socket.on('close', onClose);
		this.#cleanup.push(() => this.#socket.off('close', onClose));
		this.#cleanup.push(this.#followBrowserConnectivity());
		this.#cleanup.push(
			registerCacheOwner(async () => {
				this.#socket.disconnect();
				await Promise.all(this.#handles.map((h) => h.cache.destroy()));
			})
		);
	}

	/**
	 * The server ended this session (logout elsewhere, a disabled account, a changed role or
	 * agency): retrying can only be refused again, so the socket stays closed and the page says
	 * why. Unsent edits stay in IndexedDB under this user's name; the board opened after the next
	 * sign-in loads them and sends them to the documents the user may then still write (the
	 * server drops them on a read-only connection).
	 */
	#endSession(): void {
		if (this.#ended) return;
		this.#ended = true;
		this.#stopKick();
		this.#socket.disconnect();
		this.status.end();
	}

	/**
	 * An offline browser may keep a dead WebSocket open for the whole reconnect timeout; dropping
	 * it at once shows the offline state immediately, and reconnecting on `online` sends the
	 * waiting changes without waiting for the next retry.
	 */
	#followBrowserConnectivity(): () => void {
		let kick: ReturnType<typeof setInterval> | null = null;
		const stopKick = () => {
			if (kick) clearInterval(kick);
			kick = null;
		};
		const offline = () => {
			stopKick();
			this.#socket.disconnect();
		};
		this.#stopKick = stopKick;
		const online = () => {
			stopKick();
			if (this.#ended) return;
			void this.#socket.connect();
			// An attempt begun while the network was still gone can hang, and the provider's retry
			// backs off up to 30 s: while the browser is online and the socket is not, start a
			// fresh attempt every 2 s (connect() cancels the previous retry).
			kick = setInterval(() => {
				if (this.#socket.status === 'connected') stopKick();
				else void this.#socket.connect();
			}, 2000);
		};
		window.addEventListener('offline', offline);
		window.addEventListener('online', online);
		if (!navigator.onLine) offline();
		return () => {
			stopKick();
			window.removeEventListener('offline', offline);
			window.removeEventListener('online', online);
		};
	}

	agency(agencyId: string): AgencyView | undefined {
		return this.agencies.get(agencyId);
	}

	destroy(): void {
		this.#destroyed = true;
		for (const fn of this.#cleanup) fn();
		this.live.destroy();
		this.presence.destroy();
		this.status.destroy();
		for (const h of this.#handles) {
			h.provider.destroy();
			void h.cache.destroy();
			h.doc.destroy();
		}
		this.#socket.destroy();
	}
}
