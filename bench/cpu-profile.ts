import type { BrowserContext, Page } from 'playwright-core';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}
interface Profile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
}

/**
 * A CPU profile of one page load, taken with Chromium's own profiler over CDP (what the
 * Performance panel records), summarised as self time per function and per script: where the
 * main thread went between navigation and `until`. Prints the top rows; returns nothing.
 */
export async function profileLoad(o: {
	context: BrowserContext;
	path: string;
	until: (page: Page) => Promise<unknown>;
	top?: number;
}): Promise<void> {
	const page = await o.context.newPage();
	const cdp = await o.context.newCDPSession(page);
	await cdp.send('Profiler.enable');
	await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
	await cdp.send('Profiler.start');
	await page.goto(o.path, { waitUntil: 'commit' });
	await o.until(page);
	const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
	await page.close();
	const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
	const self = new Map<string, number>();
	const byScript = new Map<string, number>();
	profile.samples.forEach((id, i) => {
		const node = byNode.get(id);
		if (!node) return;
		const ms = (profile.timeDeltas[i] ?? 0) / 1000;
		const { functionName, url, lineNumber } = node.callFrame;
		const script = url ? (url.split('/').pop() ?? url) : '(native)';
		const name = `${functionName || '(anonymous)'} ${script}:${lineNumber + 1}`;
		self.set(name, (self.get(name) ?? 0) + ms);
		const bucket = url ? script : functionName || '(native)';
		byScript.set(bucket, (byScript.get(bucket) ?? 0) + ms);
	});
	const top = (m: Map<string, number>) =>
		[...m]
			.sort((a, b) => b[1] - a[1])
			.slice(0, o.top ?? 15)
			.map(([k, ms]) => `| ${k} | ${ms.toFixed(0)} |`)
			.join('\n');
	console.log(`### CPU profile of one cold load of ${o.path}: self time (ms)\n`);
	console.log(`| script or category | ms |\n|---|---:|\n${top(byScript)}\n`);
	console.log(`| function | ms |\n|---|---:|\n${top(self)}\n`);
}
