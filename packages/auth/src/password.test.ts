import { describe, expect, it } from 'vitest';
import { hashPassword, validatePassword, verifyPassword } from './password.js';

describe('passwords', () => {
	it('hashes with Argon2id at OWASP parameters and verifies', async () => {
		const hash = await hashPassword('mật khẩu đủ dài');
		expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(await verifyPassword({ hash, password: 'mật khẩu đủ dài' })).toBe(true);
		expect(await verifyPassword({ hash, password: 'mật khẩu sai rồi' })).toBe(false);
		expect(await verifyPassword({ hash: 'not-a-hash', password: 'x' })).toBe(false);
	});

	it('treats composed and decomposed Vietnamese the same', async () => {
		const hash = await hashPassword('Hà Nội mùa thu');
		expect(await verifyPassword({ hash, password: 'Hà Nội mùa thu'.normalize('NFD') })).toBe(true);
	});

	it('requires at least 10 characters, with a Vietnamese message', () => {
		expect(validatePassword('123456789')).toBe('Mật khẩu phải có ít nhất 10 ký tự.');
		expect(validatePassword('1234567890')).toBeNull();
		expect(validatePassword('x'.repeat(257))).toMatch(/không được dài quá/);
	});
});
