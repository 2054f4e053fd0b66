import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
	plugins: [sveltekit()],
	ssr: {
		// Native and Node-only modules stay outside the server bundle.
		external: ['better-sqlite3', '@node-rs/argon2']
	}
});
