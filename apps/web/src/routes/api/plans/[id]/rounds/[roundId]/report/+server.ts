import { error } from '@sveltejs/kit';
import { readStoredBoard } from '@planboard/boards';
import { CONTENT_TYPES, readRoundSource, toRoundDocx, todayInVietnam } from '@planboard/report';
import { requireUser } from '$lib/server/guard';
import { runtime } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** The export roles: the consolidated report carries every agency's report. */
const EXPORTERS: ReadonlySet<string> = new Set(['admin', 'coordinator', 'viewer']);

/**
 * GET /api/plans/<id>/rounds/<roundId>/report: the round's consolidated report (DOCX, Nghị
 * định 30/2020 layout) made from the reports the agencies submitted, as the server has stored
 * them, dated today in Vietnam.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const user = requireUser(locals);
	if (!EXPORTERS.has(user.role))
		error(403, { message: 'Tài khoản của bạn không được tải báo cáo tổng hợp.' });
	const { store, log } = runtime();
	const stored = await readStoredBoard({ store, planId: params.id });
	if (!stored) error(404, { message: 'Không tìm thấy kế hoạch.' });
	const source = readRoundSource({
		loadDoc: stored.loadDoc,
		planId: params.id,
		roundId: params.roundId
	});
	if (!source) error(404, { message: 'Không tìm thấy đợt báo cáo.' });
	const asOf = todayInVietnam();
	const body = toRoundDocx(source, { asOf });
	const fileName = `bao-cao-tong-hop-${params.id}-${asOf}.docx`;
	log.info('plan.round_report', { plan: params.id, round: params.roundId, user: user.username });
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': CONTENT_TYPES.docx,
			'content-disposition': `attachment; filename="${fileName}"`,
			'content-length': String(body.length),
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
};
