import { error, json } from '@sveltejs/kit';
import {
	AgencyMappingError,
	MAX_PLAN_FILE_BYTES,
	MAX_PLAN_UPLOAD_BYTES,
	boardPreview,
	importBoard,
	parseAgencyMappings,
	type AgencyMappings
} from '@planboard/boards';
import { PlanImportError } from '@planboard/plan-import';
import type { User } from '@planboard/store';
import { runtime } from './runtime';

/** Who may create boards: coordinators and admins (the roles that edit every board). */
export function canCreateBoards(user: { role: string } | null): boolean {
	return user?.role === 'admin' || user?.role === 'coordinator';
}

/** 401 without a session, 403 for officers and viewers. */
export function requireBoardCreator(locals: App.Locals): User {
	if (!locals.user) error(401, { message: 'Cần đăng nhập.' });
	if (!canCreateBoards(locals.user))
		error(403, { message: 'Chỉ điều phối viên và quản trị viên được tạo kế hoạch mới.' });
	return locals.user;
}

const TOO_LARGE = `Tệp kế hoạch vượt quá ${MAX_PLAN_FILE_BYTES / 1024 / 1024} MiB.`;

/**
 * The `POST /api/plans` request: the `file` field (and optional `mappings`, JSON), refused with
 * 413 above the size limit, by its declared Content-Length before anything is read and by what
 * actually arrives.
 */
async function readUpload(
	request: Request
): Promise<{ bytes: Uint8Array; name: string; mappings: AgencyMappings }> {
	const declared = Number(request.headers.get('content-length'));
	if (Number.isFinite(declared) && declared > MAX_PLAN_UPLOAD_BYTES)
		error(413, { message: TOO_LARGE });
	let form: FormData;
	try {
		form = await request.formData();
	} catch (e) {
		// The host's body limit aborts a larger body that did not declare its length.
		if ((e as { status?: number }).status === 413) error(413, { message: TOO_LARGE });
		error(400, { message: 'Cần gửi multipart/form-data với trường "file".' });
	}
	const file = form.get('file');
	if (!(file instanceof File)) error(400, { message: 'Thiếu trường "file".' });
	if (file.size > MAX_PLAN_FILE_BYTES) error(413, { message: TOO_LARGE });
	let mappings: AgencyMappings = {};
	const raw = form.get('mappings');
	if (typeof raw === 'string' && raw.trim() !== '') {
		try {
			mappings = parseAgencyMappings(JSON.parse(raw));
		} catch (e) {
			error(400, { message: e instanceof Error ? e.message : 'mappings: invalid JSON' });
		}
	}
	return { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name, mappings };
}

/**
 * Creates a board from an uploaded plan (201 with the summary), or with `dryRun` answers the
 * same plus the plan and its preview (200) and stores nothing. A file that is not a plan is a
 * 400 with the importer's one-line message.
 */
export async function createPlanFromRequest(options: {
	request: Request;
	dryRun: boolean;
	user: User;
}): Promise<Response> {
	const { request, dryRun, user } = options;
	const { store, log } = runtime();
	const upload = await readUpload(request);
	try {
		const result = await importBoard({
			store,
			bytes: upload.bytes,
			source: upload.name,
			mappings: upload.mappings,
			dryRun
		});
		if (dryRun) return json(boardPreview({ store, result }));
		log.info('board.created', {
			plan: result.summary.id,
			user: user.username,
			tasks: result.summary.tasks,
			agencies: result.summary.agencies
		});
		return json(result.summary, { status: 201 });
	} catch (e) {
		if (e instanceof PlanImportError)
			return json(
				{ message: e.message.replace(/\s+/g, ' ').trim(), line: e.line },
				{ status: 400 }
			);
		if (e instanceof AgencyMappingError) return json({ message: e.message }, { status: 400 });
		throw e;
	}
}
