import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
	plugins: [sveltekit()],
	ssr: {
		// Workspace packages load from their built dist at run time, as server/main.ts loads
		// them: one module instance per process (one store, one sync server), and their native
		// dependencies (better-sqlite3, argon2) resolve from each package's own node_modules.
		external: ['@planboard/store', '@planboard/auth', '@planboard/sync', '@planboard/config', '@planboard/model', '@planboard/plan-import', '@planboard/report', '@planboard/boards']
	}
});
