import type { AgencyMappings, BoardPreview, BoardImportSummary } from '@planboard/boards';

/** What `POST /api/plans` answered: the status and its JSON body. */
export type UploadAnswer =
	| { ok: true; status: 200; body: BoardPreview }
	| { ok: true; status: 201; body: BoardImportSummary }
	| { ok: false; status: number; message: string | null };

/**
 * Sends a plan file to `POST /api/plans` with XMLHttpRequest, which (unlike fetch) reports
 * upload progress: `onProgress` gets the fraction sent, then `onUploaded` once the server has
 * the whole file and is reading it.
 */
export function sendPlan(options: {
	file: File;
	dryRun: boolean;
	mappings?: AgencyMappings;
	onProgress?: (fraction: number) => void;
	onUploaded?: () => void;
}): Promise<UploadAnswer> {
	const form = new FormData();
	form.set('file', options.file);
	if (options.mappings) form.set('mappings', JSON.stringify(options.mappings));
	return new Promise((resolve, reject) => {
		const xhr = new XMLHttpRequest();
		xhr.open('POST', options.dryRun ? '/api/plans?dryRun=1' : '/api/plans');
		xhr.setRequestHeader('accept', 'application/json');
		xhr.upload.onprogress = (e) => {
			if (e.lengthComputable) options.onProgress?.(e.loaded / e.total);
		};
		xhr.upload.onload = () => options.onUploaded?.();
		xhr.onerror = () => reject(new Error('network'));
		xhr.onload = () => {
			let body: unknown = null;
			try {
				body = JSON.parse(xhr.responseText);
			} catch {
				body = null;
			}
			if (xhr.status === 200 || xhr.status === 201) {
				resolve({ ok: true, status: xhr.status, body } as UploadAnswer);
			} else {
				const message = (body as { message?: unknown } | null)?.message;
				resolve({
					ok: false,
					status: xhr.status,
					message: typeof message === 'string' ? message : null
				});
			}
		};
		xhr.send(form);
	});
}
