/** One JSON object per line on stdout; never pass secrets (tokens, hashes, passwords) as fields. */
export interface Logger {
	info(event: string, fields?: Record<string, unknown>): void;
	warn(event: string, fields?: Record<string, unknown>): void;
	error(event: string, fields?: Record<string, unknown>): void;
}

type Level = 'info' | 'warn' | 'error';

export function createLogger(
	options: { quiet?: boolean; write?: (line: string) => void } = {}
): Logger {
	const write = options.write ?? ((line: string) => process.stdout.write(line + '\n'));
	const emit = (level: Level, event: string, fields?: Record<string, unknown>) => {
		if (options.quiet && level === 'info') return;
		write(JSON.stringify({ t: new Date().toISOString(), level, event, ...normalize(fields) }));
	};
	return {
		info: (event, fields) => emit('info', event, fields),
		warn: (event, fields) => emit('warn', event, fields),
		error: (event, fields) => emit('error', event, fields)
	};
}

function normalize(fields?: Record<string, unknown>): Record<string, unknown> {
	if (!fields) return {};
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(fields)) {
		out[key] = value instanceof Error ? value.message : value;
	}
	return out;
}

/**
 * Hocuspocus and its dependencies report some problems with console.error/warn, often with a
 * multi-line stack. In the server processes those become one JSON line each too, so every log
 * line can be parsed. (Library users, tests included, keep their console.)
 */
export function routeConsoleToLog(log: Logger): void {
	const text = (args: unknown[]) =>
		args
			.map((a) =>
				a instanceof Error ? (a.stack ?? a.message) : typeof a === 'string' ? a : JSON.stringify(a)
			)
			.join(' ');
	console.error = (...args: unknown[]) => log.error('console', { message: text(args) });
	console.warn = (...args: unknown[]) => log.warn('console', { message: text(args) });
	console.log = (...args: unknown[]) => log.info('console', { message: text(args) });
}
