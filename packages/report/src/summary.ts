import type { TaskRow } from './rows.js';

/**
 * The counts opening the report: how many tasks and duties, how many are done (on time or
 * late), under way, not started, paused, and overdue. Counted per task, not per card: the
 * reader asks "which tasks of the plan are done", and a group-led task is one task.
 */
export function summarize(rows: readonly TaskRow[]): string[] {
	const count = (pred: (r: TaskRow) => boolean) => rows.filter(pred).length;
	const tasks = count((r) => r.task.kind === 'task');
	const duties = rows.length - tasks;
	const cards = rows.reduce((sum, r) => sum + r.cards.length, 0);
	const done = count((r) => r.status === 'done');
	const late = count((r) => r.timeliness === 'done_late');
	const active = count((r) => r.status === 'in_progress' || r.status === 'awaiting_review');
	return [
		`Tổng số: ${rows.length} nhiệm vụ (${tasks} nhiệm vụ cụ thể và ${duties} nội dung về tổ chức ` +
			`thực hiện), với ${cards} lượt giao cho các đơn vị.`,
		`- Đã hoàn thành: ${done} nhiệm vụ (đúng hạn ${done - late}, quá hạn ${late});`,
		`- Đang thực hiện: ${active} nhiệm vụ;`,
		`- Chưa thực hiện: ${count((r) => r.status === 'todo')} nhiệm vụ;`,
		`- Tạm hoãn: ${count((r) => r.status === 'paused')} nhiệm vụ;`,
		`- Quá hạn chưa hoàn thành: ${count((r) => r.timeliness === 'overdue')} nhiệm vụ.`
	];
}
