import { STATUSES, type Status } from '@planboard/model';

export interface KeyboardMove {
	toStatus: Status;
	before?: string;
	after?: string;
	/** 1-based position in the target column after the move, and the column's new length. */
	position: number;
	count: number;
}

export type MoveKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight';

/**
 * Where Alt+arrow moves a card, given the lane's visible cards: up/down swaps with the visible
 * neighbour, left/right goes to the bottom of the previous/next status column. Relative to
 * visible neighbours, because that is what the user sees; null when the card cannot go further.
 */
export function keyboardMove(options: {
	cards: readonly { taskId: string; status: Status }[];
	taskId: string;
	key: MoveKey;
}): KeyboardMove | null {
	const { cards, taskId, key } = options;
	const me = cards.find((c) => c.taskId === taskId);
	if (!me) return null;
	const column = (s: Status) => cards.filter((c) => c.status === s).map((c) => c.taskId);
	const own = column(me.status);
	const i = own.indexOf(taskId);
	if (key === 'ArrowUp') {
		if (i <= 0) return null;
		return { toStatus: me.status, before: own[i - 1], position: i, count: own.length };
	}
	if (key === 'ArrowDown') {
		if (i >= own.length - 1) return null;
		return { toStatus: me.status, after: own[i + 1], position: i + 2, count: own.length };
	}
	const s = STATUSES.indexOf(me.status) + (key === 'ArrowLeft' ? -1 : 1);
	if (s < 0 || s >= STATUSES.length) return null;
	const target = column(STATUSES[s]);
	return {
		toStatus: STATUSES[s],
		...(target.length > 0 ? { after: target[target.length - 1] } : {}),
		position: target.length + 1,
		count: target.length + 1
	};
}
