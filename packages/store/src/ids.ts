import { randomBytes } from 'node:crypto';

/** 128 random bits as 32 lowercase hex characters: unguessable, URL- and filename-safe. */
export function randomId(): string {
	return randomBytes(16).toString('hex');
}
