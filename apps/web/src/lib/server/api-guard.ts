import { json } from '@sveltejs/kit';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The one `/api/*` call that takes a file: `POST /api/plans` (multipart/form-data). */
const MULTIPART_ROUTES = new Set(['POST /api/plans']);

function mediaType(request: Request): string {
	return (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
}

/**
 * What every state-changing `/api/*` request must show before its handler runs, so a page on
 * another site cannot make a logged-in browser call the API with its cookie:
 *
 * - `Content-Type: application/json`. A browser sends that cross-site only after a CORS preflight,
 *   which this server never grants; a form or a `fetch` without preflight can only send form
 *   types or none (`POST /api/logout` with no body ended a session that way).
 * - except `POST /api/plans` with `multipart/form-data` (a plan file), which must come with a
 *   session and either `Authorization: Bearer` (scripts) or an `Origin` equal to this site's.
 * - a `DELETE` without a body passes: browsers preflight every cross-site `DELETE`.
 *
 * Returns the response to answer instead (401, 403 or 415), or null to go on.
 */
export function apiRequestRefusal(options: {
	request: Request;
	url: URL;
	signedIn: boolean;
	bearer: boolean;
}): Response | null {
	const { request, url } = options;
	if (!UNSAFE.has(request.method) || !url.pathname.startsWith('/api/')) return null;
	const type = mediaType(request);
	if (type === 'application/json') return null;
	if (MULTIPART_ROUTES.has(`${request.method} ${url.pathname}`) && type === 'multipart/form-data') {
		if (!options.signedIn) return json({ message: 'Cần đăng nhập.' }, { status: 401 });
		if (options.bearer || request.headers.get('origin') === url.origin) return null;
		return json(
			{ message: 'Tải tệp lên chỉ được từ chính trang Planboard hoặc bằng mã truy cập (Bearer).' },
			{ status: 403 }
		);
	}
	if (request.method === 'DELETE' && !type && !hasBody(request)) return null;
	return json(
		{ message: 'Cần gửi nội dung JSON (Content-Type: application/json).' },
		{ status: 415 }
	);
}

function hasBody(request: Request): boolean {
	const length = request.headers.get('content-length');
	return request.headers.has('transfer-encoding') || (length !== null && length !== '0');
}
