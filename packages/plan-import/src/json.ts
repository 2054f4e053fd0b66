import type { ParsedPlan } from './types.js';

/** The `planboard import --json` contract: plain data, without resolved refs or sections of tasks. */
export function toPlanJson(plan: ParsedPlan): object {
	return {
		title: plan.title,
		issuer: plan.issuer,
		number: plan.number,
		date: plan.date,
		year: plan.year,
		bases: plan.bases,
		sections: plan.sections.map(({ number, title }) => ({ number, title })),
		tasks: plan.tasks.map((t) => ({
			number: t.number,
			title: t.title,
			content: t.content,
			lead: t.lead,
			coordinating: t.coordinating,
			timeframe: t.timeframe,
			due: t.due,
			line: t.line,
			product: t.product
		})),
		duties: plan.duties.map(({ number, agencies, items }) => ({ number, agencies, items })),
		milestones: plan.milestones.map(({ date, text }) => ({ date, text })),
		warnings: plan.warnings.map(({ line, message }) => ({ line, message }))
	};
}
