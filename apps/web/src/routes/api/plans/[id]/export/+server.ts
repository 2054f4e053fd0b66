import { error } from '@sveltejs/kit';
import { parseAsOf, readStoredBoard } from '@planboard/boards';
import { EXPORT_FORMATS, exportBoard, isExportFormat, todayInVietnam } from '@planboard/report';
import { requireUser } from '$lib/server/guard';
import { runtime } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/**
 * Roles that may download a whole board. Officers are left out: the report and the backup
 * carry every agency's notes, and an officer's view is their own agency's lane.
 */
const EXPORTERS: ReadonlySet<string> = new Set(['admin', 'coordinator', 'viewer']);

/**
 * GET /api/plans/<id>/export?format=docx|csv|xlsx|json&asOf=<YYYY-MM-DD or ISO instant>[&lang=vi|en]:
 * the same files as `planboard export`, read from the update log (what the sync server has
 * acknowledged), so an export never waits for a debounced snapshot. Without asOf, the board as
 * it stands, judged today; with asOf, the board as it stood then (a day: its end in Vietnam),
 * judged on that day.
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const user = requireUser(locals);
	if (!EXPORTERS.has(user.role))
		error(403, { message: 'Tài khoản của bạn không được xuất báo cáo.' });
	const format = url.searchParams.get('format') ?? 'docx';
	if (!isExportFormat(format)) {
		error(400, {
			message: `Định dạng không hợp lệ; chọn một trong: ${EXPORT_FORMATS.join(', ')}.`
		});
	}
	const rawAsOf = url.searchParams.get('asOf');
	const at = rawAsOf === null ? null : parseAsOf(rawAsOf);
	if (rawAsOf !== null && !at) {
		error(400, {
			message:
				'Thời điểm báo cáo (asOf) phải là một ngày YYYY-MM-DD hoặc một thời điểm ISO có múi giờ.'
		});
	}
	const lang = url.searchParams.get('lang') === 'en' ? 'en' : 'vi';

	const { store, log } = runtime();
	const source = await readStoredBoard({ store, planId: params.id, at: at?.instant });
	if (!source) error(404, { message: 'Không tìm thấy kế hoạch.' });
	const { plan } = source;
	const file = exportBoard({
		source,
		format,
		asOf: at?.date ?? todayInVietnam(),
		lang
	});
	log.info('plan.export', { plan: plan.id, format, user: user.username });
	return new Response(new Uint8Array(file.body), {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename="${file.fileName}"`,
			'content-length': String(file.body.length),
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
};
