import { hashSecretToken, isSecretToken } from '@planboard/auth';
import type { Store, User } from '@planboard/store';

/**
 * Stops the daily digest of the user an email's unsubscribe token belongs to. Every digest
 * carries its own token (only its hash is stored, with the day it was sent), so the link of
 * any past email works. Returns the user, or null for a token no digest carried.
 */
export function unsubscribeDigest(options: { store: Store; token: string }): User | null {
	const { store, token } = options;
	if (!isSecretToken(token)) return null;
	const userId = store.notifications.userOfUnsubscribe(hashSecretToken(token));
	if (!userId) return null;
	const user = store.users.update({ id: userId, emailDigest: false });
	if (user)
		store.audit.log({ userId: user.id, action: 'digest.unsubscribe', detail: user.username });
	return user;
}
