/** The first administrator's account, as `PLANBOARD_ADMIN_USERNAME` and `_PASSWORD` give it. */
export interface InitialAdmin {
	username: string;
	password: string;
}

/**
 * `PLANBOARD_ADMIN_USERNAME` and `PLANBOARD_ADMIN_PASSWORD`: the administrator `planboard init`
 * creates on a database without users when demo mode is off, so a container comes up with an
 * account nobody had to type into a shell. Kept out of `EnvConfig`, which is passed to every
 * part of the servers, so the password is read in the one place that uses it; no message here
 * repeats it. Null when neither is set.
 */
export function initialAdmin(env: NodeJS.ProcessEnv): InitialAdmin | null {
	const username = env.PLANBOARD_ADMIN_USERNAME?.trim() ?? '';
	const password = env.PLANBOARD_ADMIN_PASSWORD ?? '';
	if (!username && !password) return null;
	if (!username || !password)
		throw new Error(
			'PLANBOARD_ADMIN_USERNAME and PLANBOARD_ADMIN_PASSWORD go together: set both to create the first administrator, or neither'
		);
	if (env.PLANBOARD_DEMO !== '0')
		throw new Error(
			'PLANBOARD_ADMIN_USERNAME creates the first administrator only with PLANBOARD_DEMO=0; demo mode creates its own accounts'
		);
	return { username, password };
}
