import { subscribeProgress } from '$lib/progress/progress-feed.server';
import { requireShareLink, resolveShareToken } from '$lib/progress/share-links.server';
import type { RequestHandler } from './$types';

/** A comment line this often keeps proxies from closing an idle stream, and re-checks expiry. */
const HEARTBEAT_MS = 20_000;

/**
 * Server-sent events of the share link's progress snapshot: `progress` with the snapshot as JSON
 * at once and after every change, `ended` when the link is revoked or expires (then the stream
 * closes, and a reconnect is answered 410).
 */
export const GET: RequestHandler = ({ params }) => {
	const link = requireShareLink(params.token);
	const encoder = new TextEncoder();
	let stop = () => {};
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			let open = true;
			const write = (text: string) => {
				if (open) controller.enqueue(encoder.encode(text));
			};
			const end = () => {
				if (!open) return;
				write('event: ended\ndata: {}\n\n');
				stop();
				controller.close();
			};
			const unsubscribe = subscribeProgress({
				planId: link.planId,
				subscriber: {
					linkId: link.id,
					send: (json) => write(`event: progress\ndata: ${json}\n\n`),
					end
				}
			});
			const heartbeat = setInterval(() => {
				if ('status' in resolveShareToken(params.token)) end();
				else write(': keep-alive\n\n');
			}, HEARTBEAT_MS);
			stop = () => {
				open = false;
				clearInterval(heartbeat);
				unsubscribe();
			};
		},
		cancel() {
			stop();
		}
	});
	return new Response(body, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'private, no-store',
			'x-accel-buffering': 'no',
			'x-robots-tag': 'noindex, nofollow'
		}
	});
};
