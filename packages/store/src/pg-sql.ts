/**
 * A repository's SQL as PostgreSQL takes it: `?` and `@name` parameters become `$1, $2...` once,
 * when the statement is prepared, and `bind` turns a call's arguments into the values for them.
 * A repeated `@name` is one `$n`. Quoted strings, quoted identifiers and comments are left as they
 * are, so a `?` or `@` inside them is never taken for a parameter.
 */
export interface PositionalSql {
	text: string;
	bind(args: readonly unknown[]): unknown[];
}

export function toPositional(sql: string): PositionalSql {
	let text = '';
	let positional = 0;
	const names: string[] = [];
	let i = 0;
	while (i < sql.length) {
		const c = sql[i];
		if (c === "'" || c === '"') {
			const end = closing(sql, i, c);
			text += sql.slice(i, end);
			i = end;
		} else if (c === '-' && sql[i + 1] === '-') {
			const end = sql.indexOf('\n', i);
			const stop = end === -1 ? sql.length : end;
			text += sql.slice(i, stop);
			i = stop;
		} else if (c === '?') {
			positional += 1;
			text += `$${positional}`;
			i += 1;
		} else if (c === '@' && /[A-Za-z_]/.test(sql[i + 1] ?? '')) {
			const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i + 1))![0];
			let index = names.indexOf(name);
			if (index === -1) index = names.push(name) - 1;
			text += `$${index + 1}`;
			i += 1 + name.length;
		} else {
			text += c;
			i += 1;
		}
	}
	if (positional > 0 && names.length > 0) {
		throw new Error(`A statement mixes ? and @name parameters: ${sql}`);
	}
	if (names.length === 0) return { text, bind: (args) => [...args] };
	return {
		text,
		bind(args) {
			const values = (args[0] ?? {}) as Record<string, unknown>;
			return names.map((name) => {
				if (!(name in values)) throw new RangeError(`Missing named parameter @${name}`);
				return values[name];
			});
		}
	};
}

/** The index just past the quote that closes the one at `start` (a doubled quote escapes). */
function closing(sql: string, start: number, quote: string): number {
	let i = start + 1;
	while (i < sql.length) {
		if (sql[i] === quote) {
			if (sql[i + 1] === quote) i += 2;
			else return i + 1;
		} else i += 1;
	}
	return sql.length;
}
