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

/**
 * Log fields often carry what a client sent (document names, usernames, origins): a string is cut
 * to this many characters, as `documentNameOf` cuts document names, so one request can never
 * write a line of megabytes. `message` fields (errors, console output with a stack) get more.
 */
export const MAX_LOG_FIELD_CHARS = 200;
export const MAX_LOG_MESSAGE_CHARS = 2000;
/** Arrays are cut to this many items, objects to this depth. */
const MAX_LOG_ITEMS = 20;
const MAX_LOG_DEPTH = 3;

function normalize(fields?: Record<string, unknown>): Record<string, unknown> {
	if (!fields) return {};
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(fields)) {
		const limit =
			key === 'message' || key === 'error' ? MAX_LOG_MESSAGE_CHARS : MAX_LOG_FIELD_CHARS;
		out[key] = clip(value instanceof Error ? value.message : value, limit, 0);
	}
	return out;
}

function clip(value: unknown, limit: number, depth: number): unknown {
	if (typeof value === 'string') {
		return value.length <= limit ? value : `${value.slice(0, limit)}…(+${value.length - limit})`;
	}
	if (value === null || typeof value !== 'object') return value;
	if (value instanceof Error) return clip(value.message, limit, depth);
	if (depth >= MAX_LOG_DEPTH) return '[…]';
	if (Array.isArray(value)) {
		const items = value.slice(0, MAX_LOG_ITEMS).map((v) => clip(v, limit, depth + 1));
		return value.length > MAX_LOG_ITEMS ? [...items, `…(+${value.length - MAX_LOG_ITEMS})`] : items;
	}
	if (value instanceof Date) return value.toISOString();
	if (ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
	const out: Record<string, unknown> = {};
	for (const [key, v] of Object.entries(value).slice(0, MAX_LOG_ITEMS))
		out[key] = clip(v, limit, depth + 1);
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
