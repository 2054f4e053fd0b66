export interface SseEvent {
	event: string;
	data: string;
}

/** Reads a server-sent event stream; `next()` resolves with the next event, null at its end. */
export function sseReader(body: ReadableStream<Uint8Array>) {
	const reader = body.getReader();
	const decoder = new TextDecoder();
	let buffer = '';
	const raw: string[] = [];
	return {
		raw,
		async next(timeoutMs = 5000): Promise<SseEvent | null> {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const end = buffer.indexOf('\n\n');
				if (end !== -1) {
					const block = buffer.slice(0, end);
					buffer = buffer.slice(end + 2);
					const lines = block.split('\n').filter((l) => !l.startsWith(':'));
					if (lines.length === 0) continue;
					const field = (name: string) =>
						lines
							.filter((l) => l.startsWith(`${name}:`))
							.map((l) => l.slice(name.length + 1).trimStart())
							.join('\n');
					return { event: field('event') || 'message', data: field('data') };
				}
				const left = deadline - Date.now();
				if (left <= 0) throw new Error('no server-sent event in time');
				const chunk = await Promise.race([
					reader.read(),
					new Promise<never>((_, reject) =>
						setTimeout(() => reject(new Error('no server-sent event in time')), left)
					)
				]);
				if (chunk.done) return null;
				const text = decoder.decode(chunk.value, { stream: true });
				raw.push(text);
				buffer += text;
			}
		},
		cancel: () => reader.cancel()
	};
}

/** A card's status in a share stream's progress snapshot (the border guard's lane unless told). */
export function statusOf(json: string, taskId: string, agencyId = 'bch-bdbp'): string | undefined {
	const snapshot = JSON.parse(json) as {
		cards: Record<string, { taskId: string; status: string }[]>;
	};
	return snapshot.cards[agencyId]?.find((c) => c.taskId === taskId)?.status;
}
