import type { MeetingChange } from '@planboard/boards';
import {
	agendaIndexAt,
	isStatus,
	readAgencies,
	readSections,
	readTasks,
	statusLabel,
	vietnamClock,
	type AgendaItem,
	type Meeting,
	type Section,
	type Task
} from '@planboard/model';
import * as Y from 'yjs';
import { dmy } from './dates.js';

/** What the minutes say, as plain lines; minutes.ts lays them out. Always Vietnamese. */
export interface MinutesContent {
	/** Participants grouped by agency, in order of first appearance. */
	participants: { agency: string; names: string[] }[];
	items: { heading: string; changes: string[] }[];
	/** Changes made while no agenda item matched them (before the first, or on other tasks). */
	other: string[];
	/** Tasks added to the plan during the meeting. */
	followUps: string[];
}

const MAX_VALUE = 300;

/** 'HHhMM' in Vietnam, as minutes write times. */
export function vietnamTime(ms: number): string {
	const { hours, minutes } = vietnamClock(ms);
	return `${String(hours).padStart(2, '0')} giờ ${String(minutes).padStart(2, '0')}`;
}

const FIELD_LABELS: Record<string, string> = {
	title: 'tên nhiệm vụ',
	content: 'nội dung',
	timeframe: 'thời gian thực hiện',
	due: 'thời hạn hoàn thành',
	lead: 'cơ quan chủ trì',
	coordinating: 'cơ quan phối hợp',
	section: 'mục',
	status: 'trạng thái',
	progress: 'tiến độ',
	notes: 'ghi chú',
	checklist: 'danh mục công việc',
	evidence: 'minh chứng',
	figures: 'số liệu'
};

interface Names {
	tasks: Map<string, Task>;
	sections: Map<string, Section>;
	agency: (id: string) => string;
}

function clip(text: string): string {
	const one = text.replace(/\s+/g, ' ').trim();
	return one.length > MAX_VALUE ? `${one.slice(0, MAX_VALUE - 1)}…` : one;
}

function valueText(field: string, v: unknown, names: Names): string {
	if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0))
		return '(trống)';
	if (field === 'due' && typeof v === 'string') return dmy(v);
	if (field === 'status' && isStatus(v)) return statusLabel(v, 'vi');
	if (field === 'progress' && typeof v === 'number') return `${v}%`;
	// Agency lists come as display names (plan-history's taskChanges).
	if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return clip(v.join(', '));
	if (field === 'section' && typeof v === 'string') {
		const s = names.sections.get(v);
		return s ? `${s.number}. ${s.title}` : v;
	}
	if (Array.isArray(v)) {
		return clip(
			v
				.map((x) => {
					if (typeof x !== 'object' || x === null) return String(x);
					const o = x as Record<string, unknown>;
					const text = o.text ?? o.label ?? o.url;
					return o.done === true ? `${String(text)} (xong)` : String(text);
				})
				.join('; ')
		);
	}
	if (typeof v === 'object') {
		// Figures: label and value per key.
		return clip(
			Object.values(v as Record<string, unknown>)
				.map((f) => {
					const o = (f ?? {}) as Record<string, unknown>;
					return `${String(o.label)}: ${String(o.value)}`;
				})
				.join('; ')
		);
	}
	return clip(String(v));
}

function taskName(taskId: string, names: Names): string {
	const t = names.tasks.get(taskId);
	return t ? `nhiệm vụ ${t.number} “${clip(t.title)}”` : `nhiệm vụ ${taskId}`;
}

/** One change as a sentence: who, what, before and after, and when; '' for none. */
export function describeChange(c: MeetingChange, names: Names): string {
	// A merge is told once, on the absorbed task ('merged').
	if (c.field === 'absorbed') return '';
	const who = c.author?.displayName ?? 'Hệ thống';
	const when = `(${vietnamTime(c.at)})`;
	const task = taskName(c.taskId, names);
	const where = c.agencyId === null ? task : `thẻ của ${names.agency(c.agencyId)} cho ${task}`;
	const other = (v: unknown) => {
		const o = (v ?? {}) as { id?: string; number?: string; title?: string };
		return o.id ? taskName(o.id, names) : `nhiệm vụ ${o.number ?? ''}`;
	};
	switch (c.field) {
		case 'task':
			return c.before === null
				? `${who} thêm ${task} ${when}.`
				: `${who} gỡ ${task} khỏi kế hoạch ${when}.`;
		case 'deleted':
			return `${who} xóa ${task} ${when}.`;
		case 'restored':
			return `${who} khôi phục ${task} ${when}.`;
		case 'merged':
			return `${who} gộp ${task} vào ${other(c.after)} ${when}.`;
		case 'split':
			return `${who} tách ${task}, phần tách ra thành ${other(c.after)} ${when}.`;
		case 'handover':
			return `${who} giao ${task} từ ${String(c.before)} sang ${String(c.after)} chủ trì ${when}.`;
	}
	if (c.field === 'card') {
		return c.before === null ? `${who} tạo ${where} ${when}.` : `${who} xóa ${where} ${when}.`;
	}
	if (c.field === 'updates') {
		return `${who} cập nhật tiến độ ${where}: “${valueText('updates', c.after, names)}” ${when}.`;
	}
	const label = FIELD_LABELS[c.field] ?? c.field;
	return (
		`${who} sửa ${label} của ${where}: từ “${valueText(c.field, c.before, names)}” ` +
		`thành “${valueText(c.field, c.after, names)}” ${when}.`
	);
}

function inSection(task: Task | undefined, sectionId: string, sections: Map<string, Section>) {
	for (let id: string | null = task?.sectionId ?? null; id; id = sections.get(id)?.parentId ?? null)
		if (id === sectionId) return true;
	return false;
}

/**
 * The agenda item a change belongs to: an item about its task (the current one if several
 * are); otherwise the item being discussed when it was made; before the first item, an item
 * about its section; -1 for none.
 */
function itemOf(c: MeetingChange, meeting: Meeting, names: Names): number {
	const current = agendaIndexAt(meeting, c.at);
	const task = names.tasks.get(c.taskId);
	const matching = (about: (item: AgendaItem) => boolean) =>
		meeting.agenda.flatMap((item, i) => (about(item) ? [i] : []));
	const direct = matching((item) => item.kind === 'task' && item.ref === c.taskId);
	if (direct.length > 0) return direct.includes(current) ? current : direct[0];
	if (current >= 0) return current;
	const bySection = matching(
		(item) => item.kind === 'section' && inSection(task, item.ref, names.sections)
	);
	return bySection[0] ?? -1;
}

/** An agenda item's heading: the section or task it is about, numbered as in the plan. */
function heading(item: AgendaItem, names: Names): string {
	if (item.kind === 'section') {
		const s = names.sections.get(item.ref);
		return s ? `Mục ${s.number}. ${s.title}` : `Mục ${item.ref}`;
	}
	const t = names.tasks.get(item.ref);
	return t ? `Nhiệm vụ ${t.number}. ${clip(t.title)}` : `Nhiệm vụ ${item.ref}`;
}

/**
 * The minutes' content from the meeting, the plan as it stands at its end (tasks deleted
 * meanwhile are still in it) and the changes made during it (boards' meetingChanges).
 */
export function minutesContent(options: {
	plan: Y.Doc;
	meeting: Meeting;
	changes: readonly MeetingChange[];
}): MinutesContent {
	const { plan, meeting, changes } = options;
	const agencies = new Map(readAgencies(plan).map((a) => [a.id as string, a]));
	const names: Names = {
		tasks: new Map(readTasks(plan).map((t) => [t.id as string, t])),
		sections: new Map(readSections(plan).map((s) => [s.id, s])),
		agency: (id) => agencies.get(id)?.shortName || agencies.get(id)?.name || id
	};
	const byAgency = new Map<string, string[]>();
	for (const p of meeting.participants) {
		const agency = p.agencyId ? (agencies.get(p.agencyId)?.name ?? p.agencyId) : 'Khách mời';
		byAgency.set(agency, [...(byAgency.get(agency) ?? []), p.name]);
	}
	const items = meeting.agenda.map((item) => ({
		heading: heading(item, names),
		changes: [] as string[]
	}));
	const other: string[] = [];
	const followUps: string[] = [];
	for (const c of changes) {
		const line = describeChange(c, names);
		if (!line) continue;
		const i = itemOf(c, meeting, names);
		(i >= 0 ? items[i].changes : other).push(line);
		if (c.field === 'task' && c.before === null) {
			const t = names.tasks.get(c.taskId);
			if (!t || t.deleted) continue;
			const lead = t.lead.map((id) => names.agency(id)).join(', ');
			followUps.push(
				`${t.number}. ${clip(t.title)}` +
					(lead ? ` (chủ trì: ${lead}` + (t.due ? `; thời hạn: ${dmy(t.due)})` : ')') : '') +
					'.'
			);
		}
	}
	return {
		participants: [...byAgency].map(([agency, names]) => ({ agency, names })),
		items,
		other,
		followUps
	};
}
