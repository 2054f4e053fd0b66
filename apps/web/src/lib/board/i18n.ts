import type { Lang } from '@planboard/model';

/** Texts of the board's windowed columns, Vietnamese first; kept beside the feature. */
export const boardMessages = {
	moreCards: { vi: 'Hiện thêm {n} thẻ', en: 'Show {n} more cards' },
	moreCardsPending: { vi: 'Còn {n} thẻ, đang tải…', en: '{n} more cards, loading…' }
} as const;

export type BoardKey = keyof typeof boardMessages;

export function bt(lang: Lang, key: BoardKey): string {
	return boardMessages[key][lang];
}
