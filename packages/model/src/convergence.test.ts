import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { initAgencyDoc } from './agency-doc.js';
import { cardNotesText, readCards, type Card } from './card.js';
import { deleteCard, restoreCard, setProgress, setStatus } from './card-ops.js';
import { addChecklistItem, toggleChecklistItem } from './checklist.js';
import { contributionText, readContributions, setContributionDone } from './contribution.js';
import { asAgencyId, asTaskId, type TaskId } from './ids.js';
import { moveCard } from './move.js';
import { STATUSES } from './status.js';
import { prng } from './test-fixtures.js';

type Rng = ReturnType<typeof prng>;

const TASKS: TaskId[] = Array.from({ length: 8 }, (_, i) => asTaskId(`II.${i + 1}`));

/**
 * N replicas of one server-created agency document, connected by a lossy-in-order network:
 * each update is queued for every other replica, delivered late, out of order and sometimes
 * twice. Nothing is ever dropped, which is what the sync server guarantees.
 */
function network(n: number, rng: Rng) {
	const origin = new Y.Doc();
	initAgencyDoc(origin, {
		agencyId: asAgencyId('so-tttt'),
		taskIds: TASKS,
		contributionTaskIds: [TASKS[0]]
	});
	const init = Y.encodeStateAsUpdate(origin);
	const docs = Array.from({ length: n }, () => new Y.Doc());
	const inbox: Uint8Array[][] = docs.map(() => []);
	docs.forEach((d) => Y.applyUpdate(d, init, 'net'));
	docs.forEach((d, i) =>
		d.on('update', (u: Uint8Array, origin: unknown) => {
			if (origin === 'net') return;
			for (let j = 0; j < n; j++) if (j !== i) inbox[j].push(u);
		})
	);
	const deliverSome = () => {
		const j = rng.int(n);
		const take = rng.int(inbox[j].length + 1);
		const batch = rng.shuffle(inbox[j].splice(0, take));
		for (const u of batch) {
			Y.applyUpdate(docs[j], u, 'net');
			if (rng.next() < 0.2) Y.applyUpdate(docs[j], u, 'net');
		}
	};
	const deliverAll = () => {
		inbox.forEach((queue, j) => {
			for (const u of rng.shuffle(queue.splice(0))) Y.applyUpdate(docs[j], u, 'net');
		});
	};
	return { docs, deliverSome, deliverAll };
}

/** One random operation on `doc`; returns the task id deleted, if any. */
function randomOp(doc: Y.Doc, rng: Rng, deleted: Set<TaskId>): void {
	const cards = readCards(doc);
	const card = cards.length ? rng.pick(cards) : null;
	const at = 1_700_000_000_000 + rng.int(1_000_000);
	const by = `u${rng.int(5)}`;
	const roll = rng.int(10);
	if (!card || roll === 9) {
		const gone = TASKS.filter((t) => !cards.some((c) => c.taskId === t));
		if (gone.length) restoreCard(doc, { taskId: rng.pick(gone), at, by });
		return;
	}
	const taskId = card.taskId;
	if (roll <= 2) {
		const toStatus = rng.pick(STATUSES);
		const column = cards.filter((c) => c.status === toStatus && c.taskId !== taskId);
		const neighbour = column.length && rng.next() < 0.8 ? rng.pick(column).taskId : null;
		const side = rng.next() < 0.5 ? { before: neighbour } : { after: neighbour };
		moveCard(doc, { taskId, toStatus, ...side, at, by });
	} else if (roll === 3) {
		const text = cardNotesText(doc, taskId);
		if (text.length && rng.next() < 0.3) text.delete(rng.int(text.length), 1 + rng.int(3));
		else text.insert(rng.int(text.length + 1), rng.pick(['đã ', 'họp ', 'xong. ', 'Sở ']));
	} else if (roll === 4) {
		setStatus(doc, { taskId, status: rng.pick(STATUSES), at, by });
	} else if (roll === 5) {
		setProgress(doc, { taskId, progress: rng.int(130) - 10, at, by });
	} else if (roll === 6) {
		if (card.checklist.length && rng.next() < 0.6) {
			toggleChecklistItem(doc, { taskId, itemId: rng.pick(card.checklist).id, at, by });
		} else addChecklistItem(doc, { taskId, text: `việc ${rng.int(100)}`, at, by });
	} else if (roll === 7) {
		contributionText(doc, TASKS[rng.int(2)]).insert(0, rng.pick(['phối hợp ', 'tin bài ']));
		if (rng.next() < 0.3)
			setContributionDone(doc, { taskId: TASKS[0], done: rng.next() < 0.5, at, by });
	} else {
		deleteCard(doc, { taskId });
		deleted.add(taskId);
	}
}

function checkConverged(docs: Y.Doc[], deleted: Set<TaskId>): Card[] {
	const reference = readCards(docs[0]);
	for (const d of docs) {
		expect(d.store.pendingStructs).toBeNull();
		expect(readCards(d)).toEqual(reference);
		expect(readContributions(d)).toEqual(readContributions(docs[0]));
		for (const c of reference) expect(cardNotesText(d, c.taskId).toString()).toBe(c.notes);
	}
	const ids = reference.map((c) => c.taskId);
	// No duplicate and nothing lost: every card once, every never-deleted task present.
	expect(new Set(ids).size).toBe(ids.length);
	expect(TASKS.filter((t) => !deleted.has(t)).every((t) => ids.includes(t))).toBe(true);
	expect(ids.every((t) => TASKS.includes(t))).toBe(true);
	// Each card is in exactly one column, and columns partition the lane.
	const columns = STATUSES.map((s) => reference.filter((c) => c.status === s).map((c) => c.taskId));
	expect(columns.flat().sort()).toEqual([...ids].sort());
	// A done card has a completion instant; any other card has none.
	expect(reference.every((c) => (c.status === 'done') === (c.completedAt !== null))).toBe(true);
	expect(
		reference.every((c) => Number.isInteger(c.progress) && c.progress >= 0 && c.progress <= 100)
	).toBe(true);
	return reference;
}

describe('convergence of agency documents', () => {
	it('converges under random concurrent operations and random delivery', () => {
		const started = Date.now();
		for (let seed = 1; seed <= 40; seed++) {
			const rng = prng(seed);
			const { docs, deliverSome, deliverAll } = network(3 + (seed % 3), rng);
			const deleted = new Set<TaskId>();
			for (let step = 0; step < 80; step++) {
				if (rng.next() < 0.7) randomOp(rng.pick(docs), rng, deleted);
				else deliverSome();
			}
			deliverAll();
			try {
				checkConverged(docs, deleted);
			} catch (e) {
				throw new Error(`seed ${seed}: ${(e as Error).message}`);
			}
		}
		expect(Date.now() - started).toBeLessThan(10_000);
	});

	it('keeps a column order total and deterministic after identical concurrent moves', () => {
		const rng = prng(99);
		const { docs, deliverAll } = network(5, rng);
		for (const d of docs)
			moveCard(d, { taskId: TASKS[docs.indexOf(d)], toStatus: 'in_progress', at: 1 });
		deliverAll();
		const reference = checkConverged(docs, new Set());
		const column = reference.filter((c) => c.status === 'in_progress');
		expect(new Set(column.map((c) => c.order)).size).toBe(1);
		expect(column.map((c) => c.taskId)).toEqual(TASKS.slice(0, 5));
		// Every replica now inserts between the same two colliding cards; all still agree.
		for (const d of docs)
			moveCard(d, {
				taskId: TASKS[5 + (docs.indexOf(d) % 3)],
				toStatus: 'in_progress',
				after: TASKS[1]
			});
		deliverAll();
		expect(checkConverged(docs, new Set()).filter((c) => c.status === 'in_progress')).toHaveLength(
			8
		);
	});
});
