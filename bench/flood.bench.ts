// One client floods 20,000 small updates into a document while a bystander keeps writing to the
// same document and to another one; a third client measures the bystander's fan-out, and the
// server reports its event-loop delay. Side by side: our pacing, and Hocuspocus's own behaviour
// (PLANBOARD_FLOOD_PACING=0). The server and the flooder each run in their own process.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { startChildServer } from '../tests/support/child-server.js';
import { openStore, seedBoard, tempDir } from './servers.js';
import { fmt, printTable, sleep, summarize, waitFor } from './support.js';

const FLOOD = 20_000;
const flooderScript = fileURLToPath(new URL('../tests/support/flooder.ts', import.meta.url));

function client(url: string, document: string, token: string) {
	const doc = new Y.Doc();
	const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket });
	const provider = new HocuspocusProvider({
		name: document,
		document: doc,
		token,
		websocketProvider: socket
	});
	provider.attach();
	const synced = new Promise<void>((r) => provider.on('synced', () => r()));
	return {
		doc,
		synced,
		destroy: () => {
			provider.destroy();
			socket.destroy();
		}
	};
}

async function run(mode: 'paced' | 'hocuspocus') {
	const tmp = tempDir('planboard-flood-bench-');
	const store = openStore({ path: `${tmp.dir}/planboard.db` });
	const token = await seedBoard({ store, planId: 'p1', agencyIds: ['a1'] });
	store.close();
	const env: Record<string, string> = { PLANBOARD_DATA: tmp.dir, PLANBOARD_METRICS: '1' };
	if (mode === 'hocuspocus') env.PLANBOARD_FLOOD_PACING = '0';
	const server = await startChildServer({ entry: 'apps/sync/dist/main.js', env });
	const url = `ws://127.0.0.1:${server.port}/collab`;
	// Lowest CPU priority, as in the flood test: the flooder's own CPU is not the server's.
	const flooder = spawn(
		'nice',
		[
			'-n',
			'19',
			process.execPath,
			'--import',
			'tsx',
			flooderScript,
			url,
			token,
			'plan/p1',
			String(FLOOD)
		],
		{
			stdio: ['pipe', 'pipe', 'inherit']
		}
	);
	let out = '';
	flooder.stdout.on('data', (c: Buffer) => (out += c.toString()));
	const pairs = ['plan/p1', 'plan/p1/agency/a1'].map((d) => ({
		writer: client(url, d, token),
		reader: client(url, d, token)
	}));
	await Promise.all(pairs.flatMap((p) => [p.writer.synced, p.reader.synced]));
	await waitFor(() => out.includes('ready'), 10_000, 'the flooder');
	const latencies: number[] = [];
	for (const p of pairs) {
		p.reader.doc.getMap<number>('pings').observe((e) => {
			const now = performance.now();
			for (const k of e.keysChanged) latencies.push(now - (e.target.get(k) as number));
		});
	}
	await fetch(`http://127.0.0.1:${server.port}/metrics?reset=1`);
	const started = performance.now();
	flooder.stdin.write('go\n');
	let n = 0;
	while (!out.includes('acked') && performance.now() - started < 60_000) {
		pairs[n % 2].writer.doc.getMap<number>('pings').set(`p${n++}`, performance.now());
		await sleep(50);
	}
	const drainMs = performance.now() - started;
	const metrics = (await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).json()) as {
		eventLoopDelay: { p50: number; p99: number; max: number };
	};
	for (const p of pairs) {
		p.writer.destroy();
		p.reader.destroy();
	}
	flooder.kill('SIGKILL');
	server.process.kill('SIGKILL');
	await server.exited;
	tmp.cleanup();
	return {
		fanout: summarize(latencies),
		loop: metrics.eventLoopDelay,
		drainMs,
		acked: out.includes('acked')
	};
}

const rows: (string | number)[][] = [];
for (const mode of ['paced', 'hocuspocus'] as const) {
	const r = await run(mode);
	rows.push([
		mode === 'paced'
			? 'Planboard pacing (defaults: 1,000 msg/s, slices of 8)'
			: 'Hocuspocus 4.7 defaults (pacing off)',
		r.fanout.median,
		r.fanout.p99,
		String(r.fanout.n),
		r.loop.p50,
		r.loop.p99,
		r.loop.max,
		`${fmt(r.drainMs / 1000)} s${r.acked ? '' : ' (not all acked in 60 s)'}`
	]);
}
printTable({
	title: `Flood: one client sends ${FLOOD.toLocaleString('en-US')} updates as fast as it can`,
	columns: [
		'server',
		'bystander fan-out p50 ms',
		'p99 ms',
		'samples',
		'event-loop delay p50 ms',
		'p99 ms',
		'max ms',
		'flood fully acknowledged after'
	],
	rows,
	notes: [
		'Bystander: one write every 50 ms, alternating between the flooded document and another one; fan-out = write to a third client seeing it.',
		'Server and flooder in their own processes; the bystander and reader share this process. Loopback only.'
	]
});
