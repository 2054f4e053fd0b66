import type { RepoContext } from './context.js';
import { guarded } from './context.js';

/** A plan's row; `sourceJson` (the imported plan text as parsed JSON) is only read by `get`. */
export interface PlanSummary {
	id: string;
	title: string;
	year: number;
	createdAt: Date;
}

export interface Plan extends PlanSummary {
	sourceJson: string;
}

/** An agency taking part in a plan; order is kept as given to `setAgencies`. */
export interface PlanAgency {
	id: string;
	name: string;
	shortName: string;
	kind: string;
}

export interface PlansRepo {
	insert(input: { id: string; title: string; year: number; sourceJson: string }): void;
	list(): PlanSummary[];
	get(id: string): Plan | null;
	/** Whether the plan exists, without reading its source (megabytes for a large plan). */
	exists(id: string): boolean;
	/** Replaces the plan's whole agency list in one transaction. */
	setAgencies(input: { planId: string; agencies: readonly PlanAgency[] }): void;
	agencies(planId: string): PlanAgency[];
}

interface PlanRow {
	id: string;
	title: string;
	year: number;
	source_json: string;
	created_at: number;
}

export function createPlansRepo(ctx: RepoContext): PlansRepo {
	const { db } = ctx;
	const insert = db.prepare<[string, string, number, string, number]>(
		'INSERT INTO plans (id, title, year, source_json, created_at) VALUES (?, ?, ?, ?, ?)'
	);
	const all = db.prepare<[], Omit<PlanRow, 'source_json'>>(
		'SELECT id, title, year, created_at FROM plans ORDER BY year DESC, title'
	);
	const byId = db.prepare<[string], PlanRow>(
		'SELECT id, title, year, source_json, created_at FROM plans WHERE id = ?'
	);
	const existsById = db.prepare<[string], { one: number }>(
		'SELECT 1 AS one FROM plans WHERE id = ?'
	);
	const clearAgencies = db.prepare<[string]>('DELETE FROM plan_agencies WHERE plan_id = ?');
	const insertAgency = db.prepare<[string, string, string, string, string, number]>(
		`INSERT INTO plan_agencies (plan_id, id, name, short_name, kind, position)
		VALUES (?, ?, ?, ?, ?, ?)`
	);
	const agenciesOf = db.prepare<[string], PlanAgency>(
		`SELECT id, name, short_name AS "shortName", kind FROM plan_agencies
		WHERE plan_id = ? ORDER BY position`
	);
	const replaceAgencies = (planId: string, agencies: readonly PlanAgency[]) =>
		db.transaction(() => {
			clearAgencies.run(planId);
			agencies.forEach((a, i) => insertAgency.run(planId, a.id, a.name, a.shortName, a.kind, i));
		});

	return {
		insert(input) {
			guarded(ctx, () =>
				insert.run(input.id, input.title, input.year, input.sourceJson, ctx.now())
			);
		},
		list: () =>
			all.all().map((row) => ({
				id: row.id,
				title: row.title,
				year: row.year,
				createdAt: new Date(row.created_at)
			})),
		get(id) {
			const row = byId.get(id);
			if (!row) return null;
			return {
				id: row.id,
				title: row.title,
				year: row.year,
				sourceJson: row.source_json,
				createdAt: new Date(row.created_at)
			};
		},
		exists: (id) => existsById.get(id) !== undefined,
		setAgencies(input) {
			guarded(ctx, () => replaceAgencies(input.planId, input.agencies));
		},
		agencies: (planId) => agenciesOf.all(planId).map((row) => ({ ...row }))
	};
}
