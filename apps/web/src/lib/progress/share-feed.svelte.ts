import type { ProgressSnapshot } from './progress-data.server';
import type { LiveState } from './progress-session.svelte';

/**
 * A share link's live progress board: the server's computed snapshots over server-sent events
 * (`/share/<token>/events`). It opens no document, so notes, update entries and their authors
 * never reach the page. Browser only.
 */
export class ShareFeed {
	state = $state<LiveState>('connecting');
	/** The latest snapshot, null until the first arrives (the page shows its server render). */
	board = $state.raw<ProgressSnapshot | null>(null);
	readonly #source: EventSource;

	constructor({ url }: { url: string }) {
		this.#source = new EventSource(url);
		this.#source.addEventListener('progress', (event) => {
			if (this.state === 'ended') return;
			this.board = JSON.parse((event as MessageEvent<string>).data) as ProgressSnapshot;
			this.state = 'online';
		});
		this.#source.addEventListener('ended', () => this.#end());
		this.#source.addEventListener('error', () => {
			// CLOSED: the server refused the stream (a revoked or expired link answers 410).
			if (this.#source.readyState === EventSource.CLOSED) this.#end();
			else if (this.state !== 'ended') this.state = 'offline';
		});
	}

	#end(): void {
		this.state = 'ended';
		this.#source.close();
	}

	destroy(): void {
		this.#source.close();
	}
}
