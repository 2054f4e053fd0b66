import { onMount } from 'svelte';

export interface PlanListItem {
	id: string;
	title: string;
	year: number;
}

/** How often the plan list asks the server for new boards while the page is visible. */
const POLL_MS = 3000;

/**
 * The plan list, kept current by asking `GET /api/plans` every few seconds while the page is
 * visible and at once when it regains focus: a board created elsewhere appears without a reload.
 * Polling, not a push channel: it survives proxies, reconnects and server restarts unchanged.
 * Call during component initialisation.
 */
export function watchPlans(initial: PlanListItem[]): { readonly list: PlanListItem[] } {
	let list = $state(initial);
	onMount(() => {
		let stopped = false;
		let inFlight = false;
		const refresh = async () => {
			if (stopped || inFlight || document.visibilityState !== 'visible') return;
			inFlight = true;
			try {
				const res = await fetch('/api/plans', { headers: { accept: 'application/json' } });
				if (res.ok && !stopped) list = (await res.json()) as PlanListItem[];
			} catch {
				// Offline for now; the next tick tries again.
			} finally {
				inFlight = false;
			}
		};
		const timer = setInterval(() => void refresh(), POLL_MS);
		const onFocus = () => void refresh();
		window.addEventListener('focus', onFocus);
		document.addEventListener('visibilitychange', onFocus);
		return () => {
			stopped = true;
			clearInterval(timer);
			window.removeEventListener('focus', onFocus);
			document.removeEventListener('visibilitychange', onFocus);
		};
	});
	return {
		get list() {
			return list;
		}
	};
}
