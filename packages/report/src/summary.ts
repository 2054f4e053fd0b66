import type { PlanProgress } from '@planboard/boards/progress';
import { TIMELINESS, timelinessLabel } from '@planboard/model';
import type { BoardCard } from './board.js';
import type { TaskRow } from './rows.js';

/**
 * The counts opening the report. Tasks are counted per task (the reader asks "which tasks of
 * the plan are done", and a group-led task is one task); the overall percent and the
 * timeliness classes are counted per assignment, exactly as the progress board shows them,
 * since both come from the one computation. Orphan reports are named, never counted.
 */
export function summarize(options: {
	rows: readonly TaskRow[];
	progress: PlanProgress<BoardCard>;
}): string[] {
	const rows = options.rows.filter((r) => r.rollup !== null);
	const { totals, byTimeliness, orphans } = options.progress;
	const count = (pred: (r: TaskRow) => boolean) => rows.filter(pred).length;
	const tasks = count((r) => r.task.kind === 'task');
	const duties = rows.length - tasks;
	const done = count((r) => r.status === 'done');
	const late = count((r) => r.timeliness === 'done_late');
	const active = count((r) => r.status === 'in_progress' || r.status === 'awaiting_review');
	const classes = TIMELINESS.map((t) => `${timelinessLabel(t, 'vi')} ${byTimeliness[t]}`);
	const lines = [
		`Tổng số: ${rows.length} nhiệm vụ (${tasks} nhiệm vụ cụ thể và ${duties} nội dung về tổ chức ` +
			`thực hiện), với ${totals.total} lượt giao cho các đơn vị.`,
		`- Tiến độ chung: ${totals.percent}% (${totals.done}/${totals.total} lượt giao đã hoàn thành);`,
		`- Theo thời hạn (lượt giao): ${classes.join(', ')};`,
		`- Đã hoàn thành: ${done} nhiệm vụ (đúng hạn ${done - late}, quá hạn ${late});`,
		`- Đang thực hiện: ${active} nhiệm vụ;`,
		`- Chưa thực hiện: ${count((r) => r.status === 'todo')} nhiệm vụ;`,
		`- Tạm hoãn: ${count((r) => r.status === 'paused')} nhiệm vụ;`,
		`- Quá hạn chưa hoàn thành: ${count((r) => r.timeliness === 'overdue')} nhiệm vụ.`
	];
	if (orphans.length > 0) {
		lines.push(
			`Ngoài ra có ${orphans.length} báo cáo của nhiệm vụ không còn trong kế hoạch ` +
				`(không tính vào số liệu trên).`
		);
	}
	return lines;
}
