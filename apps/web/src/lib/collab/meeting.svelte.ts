import {
	endMeeting,
	meetingMap,
	readMeeting,
	recordParticipant,
	setCurrentItem,
	setMeetingPlace,
	setPresenter,
	startMeeting,
	type AgendaItem,
	type Meeting
} from '@planboard/model';
import { createSubscriber } from 'svelte/reactivity';
import type * as Y from 'yjs';

export interface MeetingUser {
	id: string;
	name: string;
	agencyId: string | null;
}

/**
 * Meeting mode on one board, over the plan document's `meeting` map (packages/model
 * meeting.ts). Everyone reads it; only a user who may write the plan document (`writable`, the
 * same rule the server enforces) starts, steers and ends it, and records who is present. Writes
 * go under this session's own origin, so a plan editor's undo never reverts a meeting step.
 */
export class MeetingSession {
	readonly #doc: Y.Doc;
	readonly #subscribe: () => void;
	readonly origin = Symbol('meeting');
	readonly writable: boolean;
	readonly me: MeetingUser;

	constructor(options: { doc: Y.Doc; writable: boolean; me: MeetingUser }) {
		this.#doc = options.doc;
		this.writable = options.writable;
		this.me = options.me;
		const map = meetingMap(this.#doc);
		this.#subscribe = createSubscriber((update) => {
			map.observeDeep(update);
			return () => map.unobserveDeep(update);
		});
	}

	get meeting(): Meeting | null {
		this.#subscribe();
		return readMeeting(this.#doc);
	}

	get current(): AgendaItem | null {
		const m = this.meeting;
		return m && m.current >= 0 ? m.agenda[m.current] : null;
	}

	get presenting(): boolean {
		return this.meeting?.presenter?.id === this.me.id;
	}

	#write(fn: () => void): void {
		if (!this.writable) throw new Error('Only a coordinator of the plan steers a meeting');
		this.#doc.transact(fn, this.origin);
	}

	start(options: { place: string; agenda: AgendaItem[] }): void {
		this.#write(() => {
			startMeeting(this.#doc, {
				...options,
				presenter: { id: this.me.id, name: this.me.name },
				by: this.me.id
			});
			recordParticipant(this.#doc, this.me);
		});
	}

	goTo(index: number): void {
		this.#write(() => setCurrentItem(this.#doc, { index, by: this.me.id }));
	}

	setPlace(place: string): void {
		this.#write(() => setMeetingPlace(this.#doc, { place }));
	}

	present(): void {
		this.#write(() =>
			setPresenter(this.#doc, { presenter: { id: this.me.id, name: this.me.name } })
		);
	}

	/** Records the people present (once each); a no-op for readers and outside a meeting. */
	record(people: readonly MeetingUser[]): void {
		if (!this.writable || !readMeeting(this.#doc)) return;
		const known = new Set(readMeeting(this.#doc)!.participants.map((p) => p.id));
		const fresh = people.filter((p) => !known.has(p.id));
		if (fresh.length === 0) return;
		this.#write(() => {
			for (const p of fresh) recordParticipant(this.#doc, p);
		});
	}

	/**
	 * Ends the meeting: the server issues and stores the minutes from what it has stored, then
	 * the meeting is cleared from the document. `flushed` resolves once this browser's changes
	 * have reached the server, so the minutes include the last ones.
	 */
	async end(options: { planId: string; flushed: () => Promise<void> }): Promise<void> {
		const meeting = readMeeting(this.#doc);
		if (!meeting) return;
		await options.flushed();
		const response = await fetch(`/api/plans/${encodeURIComponent(options.planId)}/minutes`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ meetingId: meeting.id })
		});
		if (!response.ok) {
			const body = (await response.json().catch(() => null)) as { message?: string } | null;
			throw new Error(body?.message ?? `HTTP ${response.status}`);
		}
		this.#write(() => endMeeting(this.#doc, { id: meeting.id }));
	}
}
