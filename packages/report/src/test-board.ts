import {
	agencyDocName,
	planDocName,
	addChecklistItem,
	addEvidence,
	addUpdateEntry,
	cardNotesText,
	contributionText,
	initAgencyDoc,
	setFigure,
	setProgress,
	setStatus,
	type AgencyId,
	type TaskId
} from '@planboard/model';
// The model's fixtures are test-only, so not exported; they are read from its sources.
import { A, T, gialaiSeed, planDoc, prng } from '../../model/src/test-fixtures.js';
import { mutate } from '../../model/src/test-fuzz.js';
import * as Y from 'yjs';
import { readBoard, type BoardData } from './board.js';

export const PLAN_ID = 'gia-lai-2024-ttdn';
const at = (iso: string) => Date.parse(`${iso}T03:00:00Z`);

/**
 * The model's small Gia Lai board with work recorded on it: a card done on time, one done late,
 * one in progress, one paused, notes that need CSV quoting or look like a formula, figures for
 * the report's difficulties and proposals, and a coordinating agency's contribution.
 */
export function filledDocs(): Map<string, Y.Doc> {
	const seed = gialaiSeed();
	const docs = new Map<string, Y.Doc>([[planDocName(PLAN_ID), planDoc()]]);
	const coordinating = new Map<AgencyId, TaskId[]>();
	for (const t of seed.tasks) {
		for (const c of t.coordinating ?? [])
			coordinating.set(c, [...(coordinating.get(c) ?? []), t.id]);
	}
	for (const [agencyId, taskIds] of Object.entries(seed.cards) as [AgencyId, TaskId[]][]) {
		const doc = new Y.Doc();
		initAgencyDoc(doc, {
			agencyId,
			taskIds,
			planId: seed.planId,
			contributionTaskIds: coordinating.get(agencyId) ?? []
		});
		docs.set(agencyDocName({ planId: PLAN_ID, agencyId }), doc);
	}
	const lane = (id: AgencyId) => docs.get(agencyDocName({ planId: PLAN_ID, agencyId: id }))!;
	const stttt = lane(A.stttt);
	setStatus(stttt, { taskId: T.legal, status: 'done', at: at('2024-06-01') });
	cardNotesText(stttt, T.legal).insert(
		0,
		'Đã ban hành Quyết định số 12/QĐ-UBND, "sửa đổi" quy chế.\nĐã tập huấn.'
	);
	setFigure(stttt, {
		taskId: T.legal,
		key: 'difficulties',
		label: 'Khó khăn',
		value: 'Thiếu kinh phí'
	});
	setFigure(stttt, {
		taskId: T.legal,
		key: 'proposals',
		label: 'Đề xuất',
		value: 'Bổ sung kinh phí'
	});
	setFigure(stttt, { taskId: T.legal, key: 'articles', label: 'Số tin bài', value: 42 });
	setStatus(stttt, { taskId: T.press, status: 'in_progress' });
	setProgress(stttt, { taskId: T.press, progress: 40 });
	cardNotesText(stttt, T.press).insert(0, '=HYPERLINK("http://x")');
	setStatus(stttt, { taskId: T.border, status: 'done', at: at('2024-12-01') });
	addChecklistItem(stttt, { taskId: T.dutyTttt, text: 'Tổng hợp báo cáo' });
	addEvidence(stttt, { taskId: T.dutyTttt, url: 'https://baogialai.com.vn/a', label: 'Bài báo' });
	addUpdateEntry(stttt, {
		taskId: T.dutyTttt,
		text: 'Đã gửi công văn đôn đốc',
		authorId: 'u1',
		authorName: 'Nguyễn Văn A',
		at: at('2024-10-01')
	});
	setStatus(lane(A.bdbp), { taskId: T.border, status: 'in_progress' });
	setProgress(lane(A.bdbp), { taskId: T.border, progress: 50 });
	setStatus(lane(A.bao), { taskId: T.dutyBao, status: 'paused' });
	contributionText(lane(A.bao), T.border).insert(0, 'Đăng 20 tin bài về biên giới');
	return docs;
}

export function filledBoard(): BoardData {
	const docs = filledDocs();
	return readBoard({ planId: PLAN_ID, loadDoc: (name) => docs.get(name) ?? new Y.Doc() });
}

/** A minimal CSV reader (RFC 4180) to read exports back. */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else field += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ',') {
			row.push(field);
			field = '';
		} else if (ch === '\r' && text[i + 1] === '\n') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			i++;
		} else field += ch;
	}
	if (field !== '' || row.length > 0) {
		row.push(field);
		rows.push(row);
	}
	return rows;
}

/**
 * Checks that every element is closed in order: enough to catch a broken generator, which is
 * what makes Word refuse a file. Attribute values hold no '>' since esc() escapes it.
 */
export function checkXmlBalanced(xml: string): void {
	const stack: string[] = [];
	for (const m of xml.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)[^>]*?(\/?)>/g)) {
		const [, close, name, selfClose] = m;
		if (selfClose) continue;
		if (!close) stack.push(name);
		else if (stack.pop() !== name) throw new Error(`unbalanced </${name}> at ${m.index}`);
	}
	if (stack.length) throw new Error(`unclosed <${stack.at(-1)}>`);
}

/**
 * A copy of `base` with 1 to 10 random writes (the model's fuzz operations) to random documents,
 * drawn from `rng` (so the same seed gives the same board): what readers and exports are fuzzed
 * against. The caller may go on drawing from `rng`.
 */
export function fuzzedDocs(
	base: Map<string, Y.Doc>,
	rng: ReturnType<typeof prng>
): Map<string, Y.Doc> {
	const docs = new Map<string, Y.Doc>();
	for (const [name, doc] of base) {
		const copy = new Y.Doc();
		Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
		docs.set(name, copy);
	}
	const names = [...docs.keys()];
	for (let i = 1 + rng.int(10); i > 0; i--) {
		const doc = docs.get(rng.pick(names))!;
		const writer = new Y.Doc();
		Y.applyUpdate(writer, Y.encodeStateAsUpdate(doc));
		mutate(rng, doc, writer);
	}
	return docs;
}
