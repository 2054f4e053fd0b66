import { parseDocName } from '@planboard/model';
import { runtime } from '$lib/server/runtime';
import { progressSnapshot } from './progress-data.server';

/**
 * A burst of edits (a drag, a typed note) is recomputed once per this many milliseconds: live
 * enough for a meeting room, and a flood of edits costs at most a few snapshots a second.
 */
const COALESCE_MS = 300;

/** One open share stream. */
export interface ProgressSubscriber {
	linkId: string;
	/** The progress snapshot as JSON: status and progress per card, never notes or updates. */
	send(json: string): void;
	/** The link was revoked: say so and close. */
	end(): void;
}

interface PlanFeed {
	subscribers: Set<ProgressSubscriber>;
	timer: ReturnType<typeof setTimeout> | null;
	last: string;
}

const feeds = new Map<string, PlanFeed>();
let stopListening: (() => void) | null = null;
let stopRevocations: (() => void) | null = null;

function snapshotJson(planId: string): string | null {
	try {
		return JSON.stringify(progressSnapshot(planId));
	} catch (error) {
		runtime().log.error('share.feed_failed', { plan: planId.slice(0, 200), error });
		return null;
	}
}

function publish(planId: string): void {
	const feed = feeds.get(planId);
	if (!feed) return;
	feed.timer = null;
	const json = snapshotJson(planId);
	if (json === null || json === feed.last) return;
	feed.last = json;
	for (const s of feed.subscribers) s.send(json);
}

function changed(documentName: string): void {
	const planId = parseDocName(documentName)?.planId;
	const feed = planId ? feeds.get(planId) : undefined;
	if (!planId || !feed || feed.timer) return;
	feed.timer = setTimeout(() => publish(planId), COALESCE_MS);
}

/**
 * The share link's live view: the progress snapshot computed on the server from the stored
 * documents, sent at once and again after every change to the plan's documents. Share links
 * never open a document over `/collab` (the sync server refuses them), so this is all they
 * read. One computation per plan serves every open stream. Returns the unsubscribe function.
 */
export function subscribeProgress(o: {
	planId: string;
	subscriber: ProgressSubscriber;
}): () => void {
	stopListening ??= runtime().sync.onDocumentChange(changed);
	// A link revoked through another server (several behind one address) ends its streams here.
	stopRevocations ??= runtime().sync.onShareLinkRevoked((linkId) => endShareStreams(linkId));
	let feed = feeds.get(o.planId);
	if (!feed) {
		feed = { subscribers: new Set(), timer: null, last: snapshotJson(o.planId) ?? '' };
		feeds.set(o.planId, feed);
	}
	feed.subscribers.add(o.subscriber);
	if (feed.last) o.subscriber.send(feed.last);
	const planFeed = feed;
	return () => {
		planFeed.subscribers.delete(o.subscriber);
		if (planFeed.subscribers.size > 0 || feeds.get(o.planId) !== planFeed) return;
		if (planFeed.timer) clearTimeout(planFeed.timer);
		feeds.delete(o.planId);
	};
}

/** Ends every open stream of a revoked link at once; returns how many. */
export function endShareStreams(linkId: string): number {
	let ended = 0;
	for (const feed of feeds.values()) {
		for (const s of [...feed.subscribers]) {
			if (s.linkId !== linkId) continue;
			s.end();
			ended++;
		}
	}
	return ended;
}
