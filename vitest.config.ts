import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
	resolve: {
		// Tests run against workspace sources, so no build is needed between an edit and a test.
		alias: [
			{ find: /^@planboard\/(model|store|plan-import|auth|report|boards|config)$/, replacement: `${root}packages/$1/src/index.ts` },
			{ find: /^@planboard\/(model|store|plan-import|auth|report|boards|config)\/(.+)$/, replacement: `${root}packages/$1/src/$2.ts` },
			{ find: /^@planboard\/sync$/, replacement: `${root}apps/sync/src/index.ts` }
		]
	},
	test: {
		include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'apps/web/server/**/*.test.ts', 'tests/**/*.test.ts'],
		expect: { requireAssertions: true },
		testTimeout: 30_000,
		hookTimeout: 60_000,
		pool: 'forks',
		globalSetup: ['tests/support/postgres-global.ts']
	}
});
