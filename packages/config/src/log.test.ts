import { describe, expect, it } from 'vitest';
import { createLogger, MAX_LOG_FIELD_CHARS, MAX_LOG_MESSAGE_CHARS } from './log.js';

function capture() {
	const lines: string[] = [];
	return { lines, log: createLogger({ write: (line) => lines.push(line) }) };
}

describe('the JSON logger', () => {
	it('cuts every attacker-sized string, however deep, so a line stays small', () => {
		const { lines, log } = capture();
		const huge = 'x'.repeat(2 * 1024 * 1024);
		log.warn('ws.auth_failed', {
			document: huge,
			nested: { origin: huge, list: Array.from({ length: 1000 }, () => huge) },
			message: huge,
			error: new Error(huge)
		});
		expect(lines).toHaveLength(1);
		expect(lines[0].length).toBeLessThan(30_000);
		const parsed = JSON.parse(lines[0]) as Record<string, unknown>;
		expect(parsed.document).toBe(
			`${'x'.repeat(MAX_LOG_FIELD_CHARS)}…(+${huge.length - MAX_LOG_FIELD_CHARS})`
		);
		expect(String(parsed.message)).toHaveLength(
			MAX_LOG_MESSAGE_CHARS + `…(+${huge.length - MAX_LOG_MESSAGE_CHARS})`.length
		);
	});

	it('keeps ordinary fields as they are', () => {
		const { lines, log } = capture();
		log.info('doc.loaded', { document: 'plan/gia-lai-2024', updates: 3, ok: true, none: null });
		expect(JSON.parse(lines[0])).toMatchObject({
			level: 'info',
			event: 'doc.loaded',
			document: 'plan/gia-lai-2024',
			updates: 3,
			ok: true,
			none: null
		});
	});
});
