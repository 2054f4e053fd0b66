import { describe, expect, it } from 'vitest';
import { addressKey } from './address-key.js';

describe('addressKey', () => {
	it('keys IPv6 addresses by their /64, whatever their spelling', () => {
		expect(addressKey('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
		expect(addressKey('2001:0DB8:0001:0002::ffff')).toBe('2001:db8:1:2::/64');
		expect(addressKey('2001:db8:1:2::1%eth0')).toBe('2001:db8:1:2::/64');
		expect(addressKey('::1')).toBe('0:0:0:0::/64');
		expect(addressKey('2001:db8:1:3::1')).not.toBe(addressKey('2001:db8:1:2::1'));
	});

	it('keys IPv4 and IPv4-mapped IPv6 by the IPv4 address', () => {
		expect(addressKey('10.0.0.1')).toBe('10.0.0.1');
		expect(addressKey('::ffff:10.0.0.1')).toBe('10.0.0.1');
		expect(addressKey('::ffff:0a00:0001')).toBe('10.0.0.1');
	});

	it('keeps anything that is not an address as it is', () => {
		expect(addressKey('')).toBe('');
		expect(addressKey('not:an:address')).toBe('not:an:address');
	});
});
