import { dayNumber, type Milestone, type Task } from '@planboard/model';

/** One dated entry of the plan's calendar. */
export interface CalendarEvent {
	/** 'YYYY-MM-DD'. */
	date: string;
	kind: 'report' | 'milestone' | 'due';
	/** The milestone's text; for 'due', the numbers of the tasks due that day. */
	text: string;
	/** For 'due': how many tasks fall due that day. */
	count: number;
}

export interface CalendarDay {
	date: string;
	day: number;
	events: CalendarEvent[];
}

export interface CalendarMonth {
	year: number;
	/** 1..12. */
	month: number;
	/** Weeks from Monday to Sunday; null pads the days outside the month. */
	weeks: (CalendarDay | null)[][];
}

/** Milestones, the reporting deadline and the tasks' due dates, by date. */
export function calendarEvents(o: {
	milestones: readonly Milestone[];
	tasks: readonly Pick<Task, 'number' | 'due'>[];
	reportDue: string | null;
}): CalendarEvent[] {
	const events: CalendarEvent[] = [];
	const reportTexts = new Set<string>();
	for (const m of o.milestones) {
		const kind = m.date === o.reportDue ? 'report' : 'milestone';
		if (kind === 'report') reportTexts.add(m.date);
		events.push({ date: m.date, kind, text: m.text, count: 0 });
	}
	if (o.reportDue && !reportTexts.has(o.reportDue)) {
		events.push({ date: o.reportDue, kind: 'report', text: '', count: 0 });
	}
	const due = new Map<string, string[]>();
	for (const t of o.tasks) if (t.due) due.set(t.due, [...(due.get(t.due) ?? []), t.number]);
	for (const [date, numbers] of due) {
		events.push({ date, kind: 'due', text: numbers.join(', '), count: numbers.length });
	}
	const rank = { report: 0, milestone: 1, due: 2 };
	return events.sort((a, b) => a.date.localeCompare(b.date) || rank[a.kind] - rank[b.kind]);
}

/** The months that hold at least one event, as Monday-first grids. */
export function calendarMonths(events: readonly CalendarEvent[]): CalendarMonth[] {
	const byMonth = new Map<string, CalendarEvent[]>();
	for (const e of events) {
		const key = e.date.slice(0, 7);
		byMonth.set(key, [...(byMonth.get(key) ?? []), e]);
	}
	return [...byMonth.keys()].sort().map((key) => {
		const [year, month] = key.split('-').map(Number) as [number, number];
		const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
		// 1970-01-01 was a Thursday: day number 0 -> index 3 in a Monday-first week.
		const lead = (dayNumber(`${key}-01`) + 3) % 7;
		const cells: (CalendarDay | null)[] = Array.from({ length: lead }, () => null);
		for (let d = 1; d <= days; d++) {
			const date = `${key}-${String(d).padStart(2, '0')}`;
			cells.push({ date, day: d, events: (byMonth.get(key) ?? []).filter((e) => e.date === date) });
		}
		while (cells.length % 7 !== 0) cells.push(null);
		const weeks: (CalendarDay | null)[][] = [];
		for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
		return { year, month, weeks };
	});
}
