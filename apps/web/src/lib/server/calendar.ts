import { hashSecretToken, isSecretToken, newSecretToken } from '@planboard/auth';
import { readBoard, toCalendar, type CalendarBoard } from '@planboard/report';
import type { User } from '@planboard/store';
import { loadStoredDoc } from './board';
import { runtime } from './runtime';

/**
 * Creates the user's calendar feed, or gives it a new address (the old one stops at once).
 * Returns the path, with its token: the only time the token exists outside the address.
 */
export function resetCalendarFeed(user: User): { path: string } {
	const { store, log } = runtime();
	const token = newSecretToken();
	store.calendarFeeds.set({ userId: user.id, tokenHash: hashSecretToken(token) });
	store.audit.log({ userId: user.id, action: 'calendar.reset', detail: user.username });
	log.info('calendar.reset', { user: user.username });
	return { path: `/calendar/${token}.ics` };
}

/**
 * The ICS a feed's token opens, or null for an unknown or replaced token, or a user who can no
 * longer sign in. Officers get their agency's tasks; everyone else every task; all get every
 * plan's reporting deadlines. `origin` makes the events' links absolute.
 */
export function calendarOf(token: string, origin: string): string | null {
	if (!isSecretToken(token)) return null;
	const { store } = runtime();
	const feed = store.calendarFeeds.getByHash(hashSecretToken(token));
	const user = feed ? store.users.get(feed.userId) : null;
	if (!feed || !user || user.disabled) return null;
	store.calendarFeeds.touch(user.id);
	const boards: CalendarBoard[] = store.plans.list().map((plan) => ({
		board: readBoard({
			planId: plan.id,
			agencyIds: store.plans.agencies(plan.id).map((a) => a.id),
			loadDoc: (name) => loadStoredDoc(name)
		}),
		url: new URL(`/plans/${encodeURIComponent(plan.id)}`, origin).href
	}));
	return toCalendar({
		name: `Planboard: ${user.displayName}`,
		boards,
		agencyId: user.role === 'officer' ? user.agencyId : null
	});
}
