/**
 * The rate-limit key of a client address. IPv4 addresses count one by one; IPv6 addresses count
 * per /64, since a single host (or an attacker's cloud instance) usually controls a whole /64 and
 * could otherwise take a fresh address per attempt. IPv4-mapped IPv6 (`::ffff:10.0.0.1`, as
 * dual-stack sockets report IPv4 clients) counts as the IPv4 address.
 */
export function addressKey(address: string): string {
	const ip = address.trim().toLowerCase().replace(/%.*$/, '');
	if (!ip.includes(':')) return ip;
	const groups = expandIpv6(ip);
	if (!groups) return ip;
	if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
		return [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff].join('.');
	}
	return `${groups
		.slice(0, 4)
		.map((g) => g.toString(16))
		.join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, or null when it is not one. */
function expandIpv6(ip: string): number[] | null {
	let host: string;
	try {
		// The WHATWG URL parser validates the address and writes embedded IPv4 as hex groups.
		host = new URL(`http://[${ip}]/`).hostname.slice(1, -1);
	} catch {
		return null;
	}
	const [head, tail] = host.split('::');
	const parse = (part: string | undefined) =>
		part ? part.split(':').map((g) => Number.parseInt(g, 16)) : [];
	const left = parse(head);
	const right = parse(tail);
	const fill = tail === undefined ? 0 : 8 - left.length - right.length;
	const groups = [...left, ...new Array<number>(fill).fill(0), ...right];
	return groups.length === 8 && groups.every((g) => Number.isInteger(g)) ? groups : null;
}
