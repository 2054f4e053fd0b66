import { foldVietnamese } from './fold.js';
import type { OutlineSection } from './outline.js';

// Sections that hold no tasks by their nature: aims, principles, budget, reporting, duties.
const NOT_TASKS =
	/muc dich|yeu cau|muc tieu|quan diem|nguyen tac|kinh phi|che do (?:thong tin\s*,?\s*)?bao cao|pham vi|doi tuong|danh gia|tinh hinh|ket qua|thuc trang|to chuc thuc hien|trach nhiem thuc hien|phan cong/;

/** Whether a section's title says it holds no tasks ("MỤC ĐÍCH, YÊU CẦU", "KINH PHÍ"). */
export function holdsNoTasks(title: string): boolean {
	return NOT_TASKS.test(foldVietnamese(title));
}

/**
 * Nothing dropped silently: one warning per section that has numbered items, none of which
 * became a task, unless its title says it holds no tasks ("MỤC ĐÍCH, YÊU CẦU", "KINH PHÍ").
 */
export function untaskedSections(
	sections: OutlineSection[],
	withTasks: Set<OutlineSection>
): { line: number; message: string }[] {
	return sections
		.filter((s) => s.items.length > 0 && !withTasks.has(s))
		.filter((s) => !holdsNoTasks(s.title))
		.map((s) => ({
			line: s.line,
			message:
				`${s.number === '' ? 'Numbered items' : `Section ${s.number} "${s.title}"`}: ` +
				`no task read from its ${s.items.length} numbered item(s) ` +
				'(no lead agency: no "Chủ trì:" field, no "... chủ trì ..." sentence)'
		}));
}
