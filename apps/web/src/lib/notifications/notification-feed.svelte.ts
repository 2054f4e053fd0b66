import type { Concern } from '@planboard/boards';

/** A notification as `GET /api/notifications` sends it. */
export type NotificationItem = Concern & { read: boolean };

/** How often the bell asks again: deadlines move with the calendar, changes with others' edits. */
export const POLL_MS = 60_000;

/**
 * The signed-in user's notifications, kept live by asking the server every minute and whenever
 * the window regains focus (one small JSON request; no connection held open, so a user's many
 * tabs never use up the browser's connections to the site). Browser only.
 */
export class NotificationFeed {
	items = $state.raw<NotificationItem[]>([]);
	unread = $state(0);
	failed = $state(false);
	#timer: ReturnType<typeof setInterval> | null = null;
	#onFocus = () => void this.refresh();

	start(): void {
		void this.refresh();
		this.#timer = setInterval(() => void this.refresh(), POLL_MS);
		window.addEventListener('focus', this.#onFocus);
	}

	async refresh(): Promise<void> {
		try {
			const res = await fetch('/api/notifications', { headers: { accept: 'application/json' } });
			if (!res.ok) throw new Error(String(res.status));
			const body = (await res.json()) as { unread: number; items: NotificationItem[] };
			this.items = body.items;
			this.unread = body.unread;
			this.failed = false;
		} catch {
			this.failed = true;
		}
	}

	/** Marks read at once on screen, then on the server; `null` marks every one. */
	async markRead(keys: string[] | null): Promise<void> {
		const marked = new Set(keys ?? this.items.map((n) => n.key));
		this.items = this.items.map((n) => (marked.has(n.key) ? { ...n, read: true } : n));
		this.unread = this.items.filter((n) => !n.read).length;
		await fetch('/api/notifications/read', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(keys === null ? { all: true } : { keys })
		}).catch(() => {});
		await this.refresh();
	}

	destroy(): void {
		if (this.#timer) clearInterval(this.#timer);
		window.removeEventListener('focus', this.#onFocus);
	}
}
