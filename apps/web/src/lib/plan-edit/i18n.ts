import type { Lang } from '@planboard/model';

/** Texts of plan editing, Vietnamese first; kept beside the feature that uses them. */
const dict = {
	editPlan: { vi: 'Sửa kế hoạch', en: 'Edit plan' },
	closeEditPlan: { vi: 'Xong', en: 'Done' },
	undo: { vi: 'Hoàn tác', en: 'Undo' },
	redo: { vi: 'Làm lại', en: 'Redo' },
	taskTitle: { vi: 'Tên nhiệm vụ', en: 'Task title' },
	taskContent: { vi: 'Nội dung', en: 'Content' },
	timeframe: { vi: 'Thời gian thực hiện', en: 'Timeframe' },
	due: { vi: 'Hạn hoàn thành', en: 'Due date' },
	lead: { vi: 'Đơn vị chủ trì', en: 'Lead agencies' },
	coordinating: { vi: 'Đơn vị phối hợp', en: 'Coordinating agencies' },
	addTask: { vi: 'Thêm nhiệm vụ', en: 'Add task' },
	newTask: { vi: 'Nhiệm vụ mới', en: 'New task' },
	deleteTask: { vi: 'Xoá nhiệm vụ', en: 'Delete task' },
	restoreTask: { vi: 'Khôi phục', en: 'Restore' },
	deleted: { vi: 'Đã xoá khỏi kế hoạch', en: 'Deleted from the plan' },
	handedOver: { vi: 'Đã bàn giao cho đơn vị khác', en: 'Handed over to another agency' },
	mergedInto: { vi: 'Đã gộp vào nhiệm vụ {number}', en: 'Merged into task {number}' },
	moveUp: { vi: 'Lên', en: 'Up' },
	moveDown: { vi: 'Xuống', en: 'Down' },
	addSection: { vi: 'Thêm mục', en: 'Add section' },
	newSection: { vi: 'Mục mới', en: 'New section' },
	sectionTitle: { vi: 'Tên mục', en: 'Section title' },
	noLeadYet: { vi: 'Chọn đơn vị chủ trì trước khi thêm', en: 'Pick a lead agency first' },
	splitTask: { vi: 'Tách nhiệm vụ tại con trỏ', en: 'Split the task at the caret' },
	splitTitle: { vi: 'Tên nhiệm vụ tách ra', en: 'Title of the new task' },
	splitHint: {
		vi: 'Phần nội dung từ vị trí con trỏ trở đi chuyển sang nhiệm vụ mới.',
		en: 'The content from the caret on moves to the new task.'
	},
	splitDefaultTitle: { vi: '{title} (phần tách)', en: '{title} (split)' },
	mergeWith: { vi: 'Gộp nhiệm vụ khác vào nhiệm vụ này', en: 'Merge another task into this one' },
	mergeTask: { vi: 'Gộp', en: 'Merge' }
} as const;

export type PlanEditKey = keyof typeof dict;

export function pt(lang: Lang, key: PlanEditKey): string {
	return dict[key][lang];
}

/** Every text here, for the checks that both languages are complete (i18n-catalog). */
export { dict as planEditMessages };
