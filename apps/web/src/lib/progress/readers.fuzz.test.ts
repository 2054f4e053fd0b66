import {
	readAgencies,
	readAssignments,
	readCards,
	readMilestones,
	readPlanMeta,
	readSections,
	readTasks,
	setMalformedReporter,
	type Card
} from '@planboard/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Test helpers of the model and report packages (not part of their API), shared by the fuzz tests.
import { prng } from '../../../../../packages/model/src/test-fixtures.js';
import { PLAN_ID, filledDocs, fuzzedDocs } from '../../../../../packages/report/src/test-board.js';
import { computeProgress } from '@planboard/boards/progress';
import { buildLanes } from '../board/lanes';
import { calendarEvents, calendarMonths } from './calendar';

beforeAll(() => setMalformedReporter(() => {}));
afterAll(() => setMalformedReporter(null));

describe('board lanes, progress and calendar under random writes', () => {
	it('never throw (seeded, 150 boards)', () => {
		const base = filledDocs();
		for (let seed = 1; seed <= 150; seed++) {
			const rng = prng(seed);
			const docs = fuzzedDocs(base, rng);
			const plan = docs.get(`plan/${PLAN_ID}`)!;
			const cardsOf = (agencyId: string): Card[] => {
				const doc = docs.get(`plan/${PLAN_ID}/agency/${agencyId}`);
				return doc ? readCards(doc) : [];
			};
			const [tasks, sections, agencies] = [readTasks(plan), readSections(plan), readAgencies(plan)];
			try {
				const asOf = '2024-11-05';
				const progress = computeProgress({
					tasks,
					sections,
					agencies,
					cards: cardsOf,
					assignments: readAssignments(plan),
					asOf
				});
				expect(Number.isFinite(progress.totals.percent)).toBe(true);
				buildLanes({
					agencies,
					tasks,
					sections,
					cardsOf,
					filters: {
						agency: '',
						section: rng.pick(['', 'II']),
						status: '',
						timeliness: '',
						q: rng.pick(['', 'báo']),
						scope: 'all',
						card: ''
					},
					myAgency: null,
					asOf
				});
				calendarMonths(
					calendarEvents({
						milestones: readMilestones(plan),
						tasks,
						reportDue: readPlanMeta(plan).reportDue
					})
				);
			} catch (error) {
				throw new Error(`seed ${seed}: ${String(error)}`, { cause: error });
			}
		}
	});
});
