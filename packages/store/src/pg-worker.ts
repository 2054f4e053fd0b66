import pg from 'pg';
import { runAsWorker } from 'synckit';

/**
 * The worker thread that owns the PostgreSQL connections (see pg-driver.ts): the main thread
 * blocks on each call through synckit, so one call is one statement (or one batch) and nothing
 * interleaves. Errors come back as values, never thrown, so their SQLSTATE survives the trip.
 */

// int8 (counts, seqs, millisecond times) as numbers: every one the store writes is below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

export type WorkerRequest =
	| {
			op: 'open';
			id: number;
			url: string;
			readonly: boolean;
			lockTimeoutMs: number;
			connectTimeoutMs: number;
			statementTimeoutMs: number;
	  }
	| { op: 'query'; id: number; text: string; values: unknown[] }
	| { op: 'batch'; id: number; steps: { text: string; values: unknown[] }[] }
	| { op: 'begin' | 'commit' | 'rollback' | 'close'; id: number };

export interface WorkerError {
	code: string;
	message: string;
}

export type WorkerResponse =
	| { ok: true; rows: Record<string, unknown>[]; rowCount: number }
	| { ok: true; results: { rows: Record<string, unknown>[]; rowCount: number }[] }
	| { ok: false; error: WorkerError };

interface Connection {
	client: pg.Client | null;
	config: pg.ClientConfig;
	/** Open transactions: 1 for BEGIN, one more per savepoint. */
	depth: number;
	/** The connection died inside a transaction: every statement fails until it is rolled back. */
	lost: boolean;
	/**
	 * The server stopped answering (a connect or a statement timed out): this worker reconnects in
	 * the background, and meanwhile every statement fails at once instead of holding the main
	 * thread for another timeout.
	 */
	reconnecting: boolean;
	closed: boolean;
}

const connections = new Map<number, Connection>();

/** Between two background attempts to reach a server that stopped answering. */
const RECONNECT_DELAY_MS = 250;

/**
 * A connection lost while idle is replaced on its next use, so the store recovers on its own. A
 * refused connection costs a loopback round trip, so each statement tries again; one that timed
 * out leaves the retrying to the background (`reconnecting`).
 */
async function client(connection: Connection): Promise<pg.Client> {
	if (connection.lost) {
		throw Object.assign(new Error('The connection to PostgreSQL was lost inside a transaction'), {
			code: 'ECONNRESET'
		});
	}
	if (connection.client) return connection.client;
	if (connection.reconnecting) {
		throw Object.assign(new Error('PostgreSQL does not answer; reconnecting in the background'), {
			code: 'ETIMEDOUT'
		});
	}
	try {
		return await connect(connection);
	} catch (error) {
		if (isTimeout(error)) reconnectInBackground(connection);
		throw error;
	}
}

async function connect(connection: Connection): Promise<pg.Client> {
	const fresh = new pg.Client(connection.config);
	fresh.on('error', () => {
		if (connection.client === fresh) {
			connection.client = null;
			if (connection.depth > 0) connection.lost = true;
		}
	});
	try {
		await fresh.connect();
	} catch (error) {
		// Not awaited: a server that stopped answering may never confirm the end.
		fresh.end().catch(() => {});
		throw error;
	}
	if (connection.closed) {
		fresh.end().catch(() => {});
		throw Object.assign(new Error('The store was closed'), { code: 'ERR_STORE_CLOSED' });
	}
	connection.client = fresh;
	return fresh;
}

function isTimeout(error: unknown): boolean {
	const message = String((error as { message?: unknown }).message ?? '');
	return /timeout expired|connection timeout|Query read timeout/i.test(message);
}

/** Tries to connect until it works or the store closes; `client` fails fast meanwhile. */
function reconnectInBackground(connection: Connection): void {
	if (connection.reconnecting || connection.closed) return;
	connection.reconnecting = true;
	const attempt = () => {
		connect(connection).then(
			() => {
				connection.reconnecting = false;
			},
			() => {
				if (connection.closed) connection.reconnecting = false;
				else setTimeout(attempt, RECONNECT_DELAY_MS);
			}
		);
	};
	setTimeout(attempt, RECONNECT_DELAY_MS);
}

/** Structured clone hands Buffers over as plain Uint8Arrays; pg binds bytea from Buffers. */
function asBuffers(values: unknown[]): unknown[] {
	return values.map((value) =>
		Array.isArray(value)
			? asBuffers(value)
			: value instanceof Uint8Array && !Buffer.isBuffer(value)
				? Buffer.from(value.buffer, value.byteOffset, value.byteLength)
				: value
	);
}

async function query(connection: Connection, text: string, values: unknown[] = []) {
	const c = await client(connection);
	try {
		const answer: pg.QueryResult | pg.QueryResult[] = await c.query({
			text,
			values: asBuffers(values)
		});
		// A script of several statements (a migration) answers one result each: keep the last.
		const result = Array.isArray(answer) ? answer[answer.length - 1] : answer;
		return {
			rows: result.rows as Record<string, unknown>[],
			rowCount: result.rowCount ?? 0,
			command: result.command
		};
	} catch (error) {
		// A statement that failed for the connection's sake leaves no usable client behind.
		if (!(error as { code?: unknown }).code || isConnectionCode(error)) {
			connection.client = null;
			if (connection.depth > 0) connection.lost = true;
			// Not awaited: a connection that stopped answering may never confirm its end.
			c.end().catch(() => {});
			if (isTimeout(error)) reconnectInBackground(connection);
		}
		throw error;
	}
}

function isConnectionCode(error: unknown): boolean {
	const code = String((error as { code?: unknown }).code ?? '');
	return code.startsWith('08') || code.startsWith('57P') || code.startsWith('E');
}

async function handle(request: WorkerRequest): Promise<WorkerResponse> {
	if (request.op === 'open') {
		const options = [`-c lock_timeout=${request.lockTimeoutMs}`];
		if (request.readonly) options.push('-c default_transaction_read_only=on');
		const connection: Connection = {
			client: null,
			config: {
				connectionString: request.url,
				connectionTimeoutMillis: request.connectTimeoutMs,
				keepAlive: true,
				// The main thread waits, blocked, for every answer: a server that stops answering
				// without closing the socket must not freeze the process for long (see `reconnecting`
				// for the statements after it). Lock waits end sooner (lock_timeout).
				query_timeout: request.statementTimeoutMs,
				options: options.join(' ')
			},
			depth: 0,
			lost: false,
			reconnecting: false,
			closed: false
		};
		connections.set(request.id, connection);
		try {
			await client(connection);
		} catch (error) {
			connections.delete(request.id);
			throw error;
		}
		return { ok: true, rows: [], rowCount: 0 };
	}
	const connection = connections.get(request.id);
	if (!connection)
		throw Object.assign(new Error(`The store's PostgreSQL connection ${request.id} is closed`), {
			code: 'ERR_STORE_CLOSED'
		});
	switch (request.op) {
		case 'close':
			connections.delete(request.id);
			connection.closed = true;
			await connection.client?.end().catch(() => {});
			return { ok: true, rows: [], rowCount: 0 };
		case 'begin':
			await query(connection, connection.depth === 0 ? 'BEGIN' : `SAVEPOINT s${connection.depth}`);
			connection.depth += 1;
			return { ok: true, rows: [], rowCount: 0 };
		case 'commit': {
			// A failed COMMIT ends the transaction too, so the depth drops whatever happens.
			const depth = connection.depth;
			connection.depth -= 1;
			if (depth > 1) {
				await query(connection, `RELEASE SAVEPOINT s${depth - 1}`);
				return { ok: true, rows: [], rowCount: 0 };
			}
			if (connection.lost) {
				connection.lost = false;
				throw Object.assign(new Error('The connection to PostgreSQL was lost before COMMIT'), {
					code: 'ECONNRESET'
				});
			}
			// COMMIT of a transaction a failed statement aborted answers ROLLBACK, not an error.
			const { command } = await query(connection, 'COMMIT');
			if (command === 'ROLLBACK') {
				throw Object.assign(
					new Error('The transaction was rolled back: a statement inside it had failed'),
					{ code: '25P02' }
				);
			}
			return { ok: true, rows: [], rowCount: 0 };
		}
		case 'rollback': {
			const depth = connection.depth;
			connection.depth -= 1;
			if (connection.lost) {
				// The server rolled the transaction back when the connection died.
				if (connection.depth === 0) connection.lost = false;
				return { ok: true, rows: [], rowCount: 0 };
			}
			if (depth === 1) await query(connection, 'ROLLBACK');
			else {
				await query(connection, `ROLLBACK TO SAVEPOINT s${depth - 1}`);
				await query(connection, `RELEASE SAVEPOINT s${depth - 1}`);
			}
			return { ok: true, rows: [], rowCount: 0 };
		}
		case 'query': {
			const { rows, rowCount } = await query(connection, request.text, request.values);
			return { ok: true, rows, rowCount };
		}
		case 'batch': {
			// Inside the main thread's transaction the batch joins it; alone it is its own.
			const own = connection.depth === 0;
			if (own) await query(connection, 'BEGIN');
			try {
				const results = [];
				for (const step of request.steps) {
					const { rows, rowCount } = await query(connection, step.text, step.values);
					results.push({ rows, rowCount });
				}
				if (own) await query(connection, 'COMMIT');
				return { ok: true, results };
			} catch (error) {
				if (own && connection.client) await query(connection, 'ROLLBACK').catch(() => {});
				throw error;
			}
		}
	}
}

runAsWorker(async (request: WorkerRequest): Promise<WorkerResponse> => {
	try {
		return await handle(request);
	} catch (error) {
		const e = error as { code?: unknown; message?: unknown };
		const message = typeof e.message === 'string' ? e.message : String(error);
		// pg reports a lost connection without a code; give it one the store recognises.
		const code =
			typeof e.code === 'string'
				? e.code
				: /Connection terminated|connection timeout|connection error|Query read timeout|timeout expired/i.test(
							message
					  )
					? 'ECONNRESET'
					: '';
		return { ok: false, error: { code, message } };
	}
});
