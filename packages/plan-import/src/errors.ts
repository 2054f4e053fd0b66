/** The only error the importer throws: input that cannot be read as a plan. */
export class PlanImportError extends Error {
	/** 1-based line in the original input where that applies, else null. */
	readonly line: number | null;
	readonly source?: string;

	constructor(message: string, options: { line?: number | null; source?: string } = {}) {
		super(message);
		this.name = 'PlanImportError';
		this.line = options.line ?? null;
		if (options.source !== undefined) this.source = options.source;
	}
}
