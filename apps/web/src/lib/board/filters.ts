import { isStatus, TIMELINESS, type Status, type Timeliness } from '@planboard/model';

/** The board's view state. All of it lives in the URL, so a link reproduces the view. */
export interface BoardFilters {
	/** Lane filter: one agency id, or '' for all. */
	agency: string;
	/** A section id; its subsections match too. '' for all. */
	section: string;
	status: Status | '';
	timeliness: Timeliness | '';
	q: string;
	/** 'mine': only the user's own lane. */
	scope: 'mine' | 'all';
	/** The open card, as `agencyId/taskId`, or ''. */
	card: string;
}

const isTimeliness = (v: string): v is Timeliness => (TIMELINESS as readonly string[]).includes(v);

/** Officers land on their own lane; everyone else on all lanes. */
export function defaultScope(user: { role: string; agencyId: string | null }): 'mine' | 'all' {
	return user.role === 'officer' && user.agencyId ? 'mine' : 'all';
}

export function filtersFromUrl(
	url: URL,
	user: { role: string; agencyId: string | null }
): BoardFilters {
	const p = url.searchParams;
	const status = p.get('status') ?? '';
	const tl = p.get('timeliness') ?? '';
	const scope = p.get('scope');
	return {
		agency: p.get('agency') ?? '',
		section: p.get('section') ?? '',
		status: isStatus(status) ? status : '',
		timeliness: isTimeliness(tl) ? tl : '',
		q: p.get('q') ?? '',
		scope: scope === 'mine' || scope === 'all' ? scope : user.agencyId ? defaultScope(user) : 'all',
		card: p.get('card') ?? ''
	};
}

/** Writes the filters into a copy of `url`, leaving defaults out so links stay short. */
export function filtersToUrl(
	url: URL,
	filters: BoardFilters,
	user: { role: string; agencyId: string | null }
): URL {
	const next = new URL(url);
	const p = next.searchParams;
	const set = (key: string, value: string, fallback = '') => {
		if (value && value !== fallback) p.set(key, value);
		else p.delete(key);
	};
	set('agency', filters.agency);
	set('section', filters.section);
	set('status', filters.status);
	set('timeliness', filters.timeliness);
	set('q', filters.q);
	set('scope', filters.scope, user.agencyId ? defaultScope(user) : 'all');
	set('card', filters.card);
	return next;
}

export function hasActiveFilters(f: BoardFilters): boolean {
	return Boolean(f.agency || f.section || f.status || f.timeliness || f.q);
}
