import { randomBytes } from 'node:crypto';
import { sha256 } from '@oslojs/crypto/sha2';

/** 32 random bytes (256 bits), base64url: 43 URL-safe characters. */
const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * The token of a secret address (a share link, a calendar feed): shown once to its owner, kept
 * by the server only as `hashSecretToken`'s hash.
 */
export function newSecretToken(): string {
	return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** Whether a string has a secret token's form (checked before any lookup). */
export function isSecretToken(value: string): boolean {
	return TOKEN_PATTERN.test(value);
}

/** SHA-256 of a secret token: the only form of it the database keeps. */
export function hashSecretToken(token: string): Uint8Array {
	return sha256(new TextEncoder().encode(token));
}
