/**
 * A PostgreSQL URL as it may be printed (logs, errors, `Store.path`): the password and any
 * `password` query parameter removed, everything else kept so the operator sees which server.
 */
export function postgresLocation(url: string): string {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		throw new TypeError('The PostgreSQL URL is not a valid URL (postgres://user@host:port/db)');
	}
	if (!/^postgres(ql)?:$/.test(parsed.protocol)) {
		throw new TypeError(`A PostgreSQL URL starts with postgres://, not ${parsed.protocol}//`);
	}
	parsed.password = '';
	parsed.searchParams.delete('password');
	return parsed.toString();
}
