import { describe, expect, it } from 'vitest';
import { agencyColor } from '../board/colors';
import { readPeer } from './presence-state';

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
