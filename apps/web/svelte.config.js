import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
export default {
	kit: {
		adapter: adapter({ out: 'build' }),
		// The same check runs in hooks.server.ts (src/lib/server/csrf.ts), which also lets
		// bearer-token API clients post files without an Origin header.
		csrf: { trustedOrigins: ['*'] }
	}
};
