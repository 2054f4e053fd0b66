// ESLint flat config: typescript-eslint with type information (for no-floating-promises: an
// unawaited promise in a sync server or a Yjs binding loses errors silently) and
// eslint-plugin-svelte for components.
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

export default ts.config(
	{
		ignores: [
			'**/node_modules/**',
			'**/dist/**',
			'**/build/**',
			'**/.svelte-kit/**',
			'.tools/**',
			'.tmp/**',
			'data/**',
			'apps/web/vite.config.ts',
			'apps/web/svelte.config.js',
			'eslint.config.js',
			'vitest.config.ts',
			'scripts/**',
			'.ci/**'
		]
	},
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: {
			globals: { ...globals.node, ...globals.browser },
			parserOptions: {
				// SvelteKit keeps the service worker out of its tsconfig (it needs the WebWorker lib);
				// the test clock is plain JavaScript, preloaded by node into a server under test; the
				// store's worker entry loads its TypeScript through tsx when run from sources.
				projectService: {
					allowDefaultProject: [
						'apps/web/src/service-worker.ts',
						'tests/support/shift-clock.mjs',
						'packages/store/src/pg-worker-source.mjs'
					]
				},
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				tsconfigRootDir: import.meta.dirname
			}
		},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			// The app is served at the root, never under a base path, so resolve() adds nothing.
			'svelte/no-navigation-without-resolve': 'off',
			// The Yjs view classes keep plain Maps on purpose: createSubscriber notifies Svelte,
			// and a reactive Map would subscribe twice.
			'svelte/prefer-svelte-reactivity': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
		}
	}
);
