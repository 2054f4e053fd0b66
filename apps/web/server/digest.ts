import { hashSecretToken, newSecretToken } from '@planboard/auth';
import { concernsOf, DocumentCache, NOTIFY_DUE_DAYS, type Concern } from '@planboard/boards';
import type { Logger } from '@planboard/config';
import { dueInLabel, vietnamClock, vietnamDate } from '@planboard/model';
import { dmy } from '@planboard/report';
import type { Store, User } from '@planboard/store';
import nodemailer from 'nodemailer';

/** How often the scheduler looks at the clock; a digest goes out within this of its hour. */
const TICK_MS = 60_000;

export interface DigestOptions {
	store: Store;
	log: Logger;
	/** `PLANBOARD_SMTP_URL`. */
	smtpUrl: string;
	/** The sender, `PLANBOARD_MAIL_FROM`. */
	from: string;
	/** The hour of the Vietnam day (0-23) from which the day's digests go out. */
	hour: number;
	/** The public origin links in the email point at (the board, the unsubscribe page). */
	origin: string;
	/** Epoch milliseconds; the wall clock unless a test sets it. */
	now?: () => number;
}

export interface DigestScheduler {
	/** Sends every digest due now that was not sent yet; returns how many went out. */
	tick(): Promise<number>;
	stop(): void;
}

/**
 * The daily email: from `hour` (Vietnam time) on, each enabled user with an email address who
 * has not unsubscribed gets one message listing their agency's overdue tasks and those due
 * within 7 days (everyone's for other roles), from `concernsOf`, the computation the bell
 * shows. Nothing is sent when nothing is due. Each day's digest is claimed in the database
 * before it is sent, so a restart, or two ticks at once, never send it twice; a failed send
 * drops the claim and the next tick tries again.
 */
export function startDigests(options: DigestOptions): DigestScheduler {
	const transport = nodemailer.createTransport(options.smtpUrl);
	const now = options.now ?? Date.now;
	let running: Promise<number> | null = null;
	/** The day whose digests were all handled by this process: later ticks that day do nothing. */
	let handled: string | null = null;

	async function pass(): Promise<number> {
		const at = now();
		const day = vietnamDate(at);
		if (handled === day || vietnamClock(at).hours < options.hour) return 0;
		let sent = 0;
		// One read of the boards for every user of this pass.
		const cache = new DocumentCache(options.store);
		for (const user of options.store.users.list()) {
			if (user.disabled || !user.email || !user.emailDigest) continue;
			if (options.store.notifications.digest({ userId: user.id, day })) continue;
			const concerns = await concernsOf({
				store: options.store,
				user,
				now: at,
				deadlinesOnly: true,
				cache
			});
			if (concerns.length === 0) continue;
			const token = newSecretToken();
			const claim = { userId: user.id, day };
			if (
				!options.store.notifications.claimDigest({
					...claim,
					unsubscribeHash: hashSecretToken(token)
				})
			)
				continue;
			const unsubscribe = new URL(`/unsubscribe/${token}`, options.origin).href;
			const message = digestMessage({ user, concerns, day, origin: options.origin, unsubscribe });
			try {
				await transport.sendMail({
					from: options.from,
					to: user.email,
					subject: message.subject,
					text: message.text,
					// RFC 8058 one-click: the mail client POSTs to the link itself (no session, no
					// form of ours); a plain GET only shows the confirmation page.
					headers: {
						'List-Unsubscribe': `<${unsubscribe}>`,
						'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click'
					}
				});
				options.store.notifications.digestSent(claim);
				sent++;
				options.log.info('digest.sent', { user: user.username, day, items: concerns.length });
			} catch (error) {
				options.store.notifications.releaseDigest(claim);
				options.log.error('digest.failed', { user: user.username, day, error });
				return sent;
			}
		}
		handled = day;
		return sent;
	}

	const tick = () => {
		// One pass at a time: a slow SMTP server never makes two passes overlap.
		running ??= pass().finally(() => {
			running = null;
		});
		return running;
	};
	const timer = setInterval(() => {
		tick().catch((error: unknown) => options.log.error('digest.tick_failed', { error }));
	}, TICK_MS);
	timer.unref();
	return {
		tick,
		stop() {
			clearInterval(timer);
			transport.close();
		}
	};
}

/** The digest's subject and plain-text body, in Vietnamese. */
export function digestMessage(o: {
	user: Pick<User, 'displayName' | 'role'>;
	concerns: readonly Concern[];
	day: string;
	origin: string;
	unsubscribe: string;
}): { subject: string; text: string } {
	const overdue = o.concerns.filter((c) => c.kind === 'overdue');
	const soon = o.concerns.filter((c) => c.kind === 'due_soon');
	const line = (c: Concern) => {
		const days = c.daysLeft ?? 0;
		// The bell's wording, in lower case inside the line.
		const label = dueInLabel(days, 'vi');
		const when = label.charAt(0).toLowerCase() + label.slice(1);
		// An officer's own agency goes without saying; a coordinated task names the leads it waits on.
		const agencies =
			o.user.role === 'officer' && !c.coordinating
				? ''
				: `\n  Đơn vị: ${c.agencies.map((a) => a.name).join('; ')}`;
		const path = `/plans/${encodeURIComponent(c.task.planId)}${c.round ? '/reports' : ''}`;
		const board = new URL(path, o.origin).href;
		const what = c.round
			? `Báo cáo: ${c.round.title}`
			: `${c.task.number} ${c.task.title}${c.coordinating ? ' (phối hợp)' : ''}`;
		return (
			`- ${what} (hạn ${dmy(c.task.due)}, ${when})${agencies}\n` +
			`  Kế hoạch: ${c.task.planTitle} ${board}`
		);
	};
	const section = (title: string, list: Concern[]) =>
		list.length === 0 ? [] : [`${title} (${list.length}):`, ...list.map(line), ''];
	const subject =
		`Planboard ${dmy(o.day)}: ` +
		[
			overdue.length > 0 ? `${overdue.length} nhiệm vụ quá hạn` : null,
			soon.length > 0 ? `${soon.length} nhiệm vụ sắp đến hạn` : null
		]
			.filter((s) => s !== null)
			.join(', ');
	const text = [
		`Kính gửi ${o.user.displayName},`,
		'',
		`Các nhiệm vụ cần chú ý ngày ${dmy(o.day)}:`,
		'',
		...section('QUÁ HẠN', overdue),
		...section(`SẮP ĐẾN HẠN (trong ${NOTIFY_DUE_DAYS} ngày tới)`, soon),
		'Thư này được gửi tự động mỗi ngày từ Planboard.',
		`Ngừng nhận thư nhắc việc: ${o.unsubscribe}`,
		''
	].join('\n');
	return { subject, text };
}
