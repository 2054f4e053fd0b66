import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** LibreOffice, when installed (`apt-get install libreoffice-writer-nogui`): a real reader. */
export const soffice: string | null = (() => {
	const probe = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' });
	return probe.status === 0 ? probe.stdout.trim() : null;
})();

/**
 * Converts a file with LibreOffice (`to` as its `--convert-to` takes it, e.g. `pdf` or
 * `txt:Text`) and returns the converted files' bytes by name. Its own profile directory, so
 * parallel runs and a user's LibreOffice never share state.
 */
export function officeConvert(bytes: Uint8Array, name: string, to: string): Map<string, Buffer> {
	if (!soffice) {
		throw new Error(
			'LibreOffice not found: install it with "apt-get install libreoffice-writer-nogui libreoffice-calc-nogui" (.ci/run does)'
		);
	}
	const dir = mkdtempSync(join(tmpdir(), 'planboard-office-'));
	try {
		writeFileSync(join(dir, name), bytes);
		execFileSync(
			soffice,
			[
				`-env:UserInstallation=file://${dir}/profile`,
				'--headless',
				'--convert-to',
				to,
				'--outdir',
				join(dir, 'out'),
				join(dir, name)
			],
			{ stdio: 'ignore', timeout: 120_000 }
		);
		const out = new Map<string, Buffer>();
		for (const f of readdirSync(join(dir, 'out'))) out.set(f, readFileSync(join(dir, 'out', f)));
		return out;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
