// A benchmark server in its own process, so its RSS is its own and it does not share an event
// loop with the clients that drive it. argv: `planboard <database> [options]`, the database a
// SQLite file's path or a postgres:// URL (options joined by commas: `no-schema-check`,
// `no-presence-fanout`, `commit-microtask`, `per-update-normal`), or `baseline`.
// Tells the parent its port over IPC and answers `{ type: 'stats' }` with memory after a full GC,
// `{ type: 'cpu' }` with the process's CPU time so far (no GC: that would be counted).
// Each kind imports only its own server, so the baseline process never loads our packages.
const [kind, database, option = ''] = process.argv.slice(2);
const databaseUrl = /^postgres(ql)?:\/\//.test(database ?? '') ? database : undefined;
const options = option.split(',');
const server =
	kind === 'planboard'
		? await (
				await import('../servers.js')
			).startPlanboard({
				databasePath: database,
				...(databaseUrl ? { databaseUrl } : {}),
				// The server before group commit: NORMAL, one transaction per update, in the event.
				...(options.includes('per-update-normal') ? { synchronous: 'normal' as const } : {}),
				sync: {
					schemaCheck: !options.includes('no-schema-check'),
					...(options.includes('no-presence-fanout') ? { presence: false } : {}),
					...(options.includes('per-update-normal')
						? { groupCommit: { boundary: 'inline' as const } }
						: options.includes('commit-microtask')
							? { groupCommit: { boundary: 'microtask' as const } }
							: {})
				}
			})
		: await (await import('../baseline.js')).startBaseline();

process.on('message', (message: { type: string }) => {
	if (message.type === 'stats') {
		// Two passes: the first frees objects whose finalizers release more.
		globalThis.gc?.();
		globalThis.gc?.();
		const m = process.memoryUsage();
		process.send?.({
			type: 'stats',
			rss: m.rss,
			heapUsed: m.heapUsed,
			external: m.external,
			arrayBuffers: m.arrayBuffers
		});
	} else if (message.type === 'cpu') {
		const { user, system } = process.cpuUsage();
		process.send?.({ type: 'cpu', user, system });
	} else if (message.type === 'close') {
		void server.close().then(() => process.exit(0));
	}
});
process.send?.({ type: 'ready', url: server.url });
