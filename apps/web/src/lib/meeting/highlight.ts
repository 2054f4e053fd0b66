import type { AgendaItem, Section, Task } from '@planboard/model';

/**
 * A CSS string literal for any text: every character that is not a letter or digit is written
 * as a hex escape, so an id (which may hold quotes or `<`) can neither end the string nor the
 * `<style>` element it is placed in.
 */
export function cssString(text: string): string {
	return `"${[...text].map((c) => (/^[\p{L}\p{N}]$/u.test(c) ? c : `\\${c.codePointAt(0)!.toString(16)} `)).join('')}"`;
}

/** The tasks an agenda item is about: the task, or every live task in the section or below it. */
export function agendaTaskIds(options: {
	item: AgendaItem;
	tasks: readonly Task[];
	sections: readonly Section[];
}): string[] {
	const { item, tasks, sections } = options;
	if (item.kind === 'task') return [item.ref];
	const parent = new Map(sections.map((s) => [s.id, s.parentId]));
	const within = (id: string | null): boolean => {
		for (let s = id; s; s = parent.get(s) ?? null) if (s === item.ref) return true;
		return false;
	};
	return tasks.filter((t) => !t.deleted && within(t.sectionId)).map((t) => t.id);
}

/** The selector of the board's cards of these tasks (CardTile's `data-task`). */
export function cardSelector(taskIds: readonly string[]): string {
	return taskIds.map((id) => `[data-testid="card"][data-task=${cssString(id)}]`).join(',\n');
}
