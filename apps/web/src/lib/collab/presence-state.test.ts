import { describe, expect, it } from 'vitest';
import { agencyColor } from '../board/colors';
import { PeerIndex, readPeer } from './presence-state';

describe('readPeer', () => {
	it('reads a well-formed state and derives the colour from the agency', () => {
		const peer = readPeer(7, {
			user: { id: 'u1', name: 'Nguyễn Văn An', agencyId: 'so-tttt', color: 'url(https://evil)' },
			card: { agencyId: 'so-tttt', taskId: 't1' },
			typing: { agencyId: 'so-tttt', taskId: 't1', field: 'notes' }
		});
		expect(peer).toEqual({
			clientId: 7,
			user: { id: 'u1', name: 'Nguyễn Văn An', agencyId: 'so-tttt', color: agencyColor('so-tttt') },
			card: { agencyId: 'so-tttt', taskId: 't1' },
			typing: { agencyId: 'so-tttt', taskId: 't1', field: 'notes' }
		});
	});

	it('is total on malformed states: no name, no peer; bad references become null', () => {
		const bad: unknown[] = [
			null,
			42,
			'x',
			{},
			{ user: null },
			{ user: 'coordinator' },
			{ user: { id: 'u1', name: 42 } },
			{ user: { id: 7, name: 'A' } },
			{ user: { id: 'u1', name: '' } },
			{ user: { id: 'u1', name: 'x'.repeat(10_000) } }
		];
		for (const state of bad) expect(readPeer(1, state)).toBeNull();
		const odd = readPeer(2, {
			user: { id: 'u2', name: 'B', agencyId: { $ne: 1 } },
			card: { agencyId: 'a', taskId: ['t'] },
			typing: 'notes'
		});
		expect(odd).toEqual({
			clientId: 2,
			user: { id: 'u2', name: 'B', agencyId: null, color: agencyColor(null) },
			card: null,
			typing: null
		});
	});
});

describe('PeerIndex', () => {
	const state = (name: string, card: string | null, field?: string) => ({
		user: { id: `u-${name}`, name, agencyId: 'so-tttt' },
		card: card ? { agencyId: 'so-tttt', taskId: card } : null,
		typing: card && field ? { agencyId: 'so-tttt', taskId: card, field } : null
	});

	it('lists everyone but this tab, by name, and answers openers and typists per card', () => {
		const states = new Map<number, unknown>([
			[1, state('Chính', 't1')],
			[2, state('An', 't1', 'notes')],
			[3, state('Bình', 't2', 'notes')],
			[4, state('Dũng', 't1')],
			[5, { user: { id: 'x', name: 42 } }]
		]);
		const index = new PeerIndex({ states, self: 4 });
		expect(index.peers.map((p) => p.user.name)).toEqual(['An', 'Bình', 'Chính']);
		const names = (peers: { user: { name: string } }[]) => peers.map((p) => p.user.name);
		expect(names(index.openers({ agencyId: 'so-tttt', taskId: 't1' }))).toEqual(['An', 'Chính']);
		expect(names(index.openers({ agencyId: 'so-tttt', taskId: 't2' }))).toEqual(['Bình']);
		expect(index.openers({ agencyId: 'bch-bdbp', taskId: 't1' })).toEqual([]);
		expect(names(index.typists({ agencyId: 'so-tttt', taskId: 't1', field: 'notes' }))).toEqual([
			'An'
		]);
		expect(index.typists({ agencyId: 'so-tttt', taskId: 't1', field: 'contribution' })).toEqual([]);
	});

	it('does not confuse ids that only join to the same text', () => {
		const states = new Map<number, unknown>([
			[1, { ...state('An', null), card: { agencyId: 'a', taskId: 'bc' } }],
			[2, { ...state('Bình', null), card: { agencyId: 'ab', taskId: 'c' } }]
		]);
		const index = new PeerIndex({ states, self: 0 });
		expect(index.openers({ agencyId: 'a', taskId: 'bc' }).map((p) => p.clientId)).toEqual([1]);
		expect(index.openers({ agencyId: 'ab', taskId: 'c' }).map((p) => p.clientId)).toEqual([2]);
	});
});
