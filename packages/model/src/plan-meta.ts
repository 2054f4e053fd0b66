import * as Y from 'yjs';
import type { PlanId } from './ids.js';
import { ROOT, metaMap } from './meta.js';
import { isIsoDate } from './timeliness.js';

/** The plan's header, as issued. Written once by the server; coordinators may correct it. */
export interface PlanMeta {
	planId: PlanId;
	title: string;
	/** Issuing body, e.g. 'Ủy ban nhân dân tỉnh Gia Lai'. */
	issuer: string;
	/** Document number, e.g. '123/KH-UBND'. */
	number: string;
	/** Issue date 'YYYY-MM-DD', or '' when the source does not say. */
	date: string;
	/** The year the plan covers. */
	year: number;
	/** Deadline for agencies' reports 'YYYY-MM-DD', or null when the plan sets none. */
	reportDue: string | null;
}

export function planMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap<unknown>(ROOT.plan);
}

export function readPlanMeta(doc: Y.Doc): PlanMeta {
	const m = planMap(doc);
	const str = (k: string): string => {
		const v = m.get(k);
		return typeof v === 'string' ? v : '';
	};
	const year = m.get('year');
	const reportDue = m.get('reportDue');
	const planId = metaMap(doc).get('planId');
	const date = str('date');
	return {
		planId: (typeof planId === 'string' ? planId : '') as PlanId,
		title: str('title'),
		issuer: str('issuer'),
		number: str('number'),
		date: isIsoDate(date) ? date : '',
		year: typeof year === 'number' && Number.isInteger(year) ? year : 0,
		reportDue: typeof reportDue === 'string' && isIsoDate(reportDue) ? reportDue : null
	};
}
