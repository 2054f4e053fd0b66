import type { Attachment } from 'svelte/attachments';
import { textDiff } from '@planboard/model';
import * as Y from 'yjs';

export { textDiff };

/** Moves a caret position through a remote Y.Text delta, so remote typing never jumps it. */
export function mapPosition(pos: number, delta: Y.YTextEvent['delta']): number {
	let cursor = 0;
	let out = pos;
	for (const op of delta) {
		if (cursor > pos) break;
		if (op.retain) cursor += op.retain;
		else if (typeof op.insert === 'string') {
			// Text inserted exactly at the caret goes after it: two people typing at the same spot
			// then each keep typing in front of the other's words instead of interleaving letters.
			if (cursor < pos) out += op.insert.length;
			cursor += op.insert.length;
		} else if (op.delete) {
			out -= Math.min(op.delete, pos - cursor);
		}
	}
	return Math.max(0, out);
}

export interface TextBindingOptions {
	text: Y.Text;
	readonly: boolean;
	/** Called on every local edit (for "typing" presence). */
	onInput?: () => void;
	/**
	 * Transaction origin of local edits; pass the origin an undo manager tracks so typing here
	 * is undoable with one's other changes. Defaults to a private origin.
	 */
	origin?: unknown;
}

/**
 * Binds a textarea to a Y.Text character by character: local input becomes one minimal
 * delete/insert on the Y.Text, and remote changes are applied to the textarea with the caret
 * mapped through them. Whole-value replacement would turn two people typing at once into one
 * overwriting the other.
 */
export function textBinding({
	text,
	readonly,
	onInput,
	origin: sharedOrigin
}: TextBindingOptions): Attachment<HTMLTextAreaElement | HTMLInputElement> {
	return (el) => {
		const origin = sharedOrigin ?? Symbol('textarea');
		// Skips only this element's own edits: another change under a shared origin (an undo
		// manager's operation) must still reach the element.
		let own = false;
		el.value = text.toString();
		el.readOnly = readonly;
		const observer = (event: Y.YTextEvent, tr: Y.Transaction) => {
			if (own && tr.origin === origin) return;
			// The selection is mapped whether or not the field has focus: assigning the value alone
			// puts the caret at the end, so someone who then starts typing in a field another
			// person is filling would write into the middle of that person's sentence.
			const start = mapPosition(el.selectionStart ?? 0, event.delta);
			const end = mapPosition(el.selectionEnd ?? 0, event.delta);
			const direction = el.selectionDirection ?? undefined;
			el.value = text.toString();
			el.setSelectionRange(start, end, direction);
		};
		const input = () => {
			if (readonly) return;
			const { index, remove, insert } = textDiff(text.toString(), el.value);
			if (remove === 0 && insert === '') return;
			own = true;
			try {
				text.doc?.transact(() => {
					if (remove > 0) text.delete(index, remove);
					if (insert) text.insert(index, insert);
				}, origin);
			} finally {
				own = false;
			}
			onInput?.();
		};
		text.observe(observer);
		el.addEventListener('input', input);
		return () => {
			text.unobserve(observer);
			el.removeEventListener('input', input);
		};
	};
}
