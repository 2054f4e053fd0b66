import {
	DUE_IN_LABELS,
	STATUSES,
	TIMELINESS,
	statusLabel,
	timelinessLabel,
	type Lang
} from '@planboard/model';
import { adminMessages } from './admin/i18n.js';
import { boardMessages } from './board/i18n.js';
import { messages } from './i18n.js';
import { meetingMessages } from './meeting/i18n.js';
import { planEditMessages } from './plan-edit/i18n.js';
import { proposalMessages } from './proposals/i18n.js';
import { roundMessages } from './report-rounds/i18n.js';

/** One UI text in both languages, named by its dictionary and key. */
export interface CatalogEntry {
	dictionary: string;
	key: string;
	vi: string;
	en: string;
}

const dictionaries: Record<string, Record<string, Readonly<Record<Lang, string>>>> = {
	i18n: messages,
	admin: adminMessages,
	board: boardMessages,
	meeting: meetingMessages,
	'plan-edit': planEditMessages,
	proposals: proposalMessages,
	'report-rounds': roundMessages,
	// The model's words for statuses and timeliness: the board, the progress board and the
	// reports all print these, so they are checked with the UI's own.
	'due-in': DUE_IN_LABELS,
	status: Object.fromEntries(
		STATUSES.map((s) => [s, { vi: statusLabel(s, 'vi'), en: statusLabel(s, 'en') }])
	),
	timeliness: Object.fromEntries(
		TIMELINESS.map((t) => [t, { vi: timelinessLabel(t, 'vi'), en: timelinessLabel(t, 'en') }])
	)
};

/**
 * Every text of the UI's dictionaries, each with both languages. The checks that both languages
 * are complete read this: the unit test (no key without both texts) and the end-to-end test
 * that no page shows a key or the other language's text.
 */
export function uiCatalog(): CatalogEntry[] {
	return Object.entries(dictionaries).flatMap(([dictionary, entries]) =>
		Object.entries(entries).map(([key, texts]) => ({ dictionary, key, vi: texts.vi, en: texts.en }))
	);
}
