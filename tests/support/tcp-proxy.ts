import { connect, createServer, type Socket } from 'node:net';

/**
 * A reverse proxy in front of several servers, at the TCP level as nginx's `stream` or Caddy's
 * layer4 would run it: one loopback address, new connections handed to the upstreams in turn,
 * and a connection an upstream refuses (a killed server) handed to the next one. A client that
 * loses its server and reconnects to the same address lands on one that is up.
 */
export interface TcpProxy {
	port: number;
	/** Connections handed to each upstream so far, in the order the upstreams were given. */
	readonly routed: readonly number[];
	/** Stops accepting and cuts every open connection. */
	close(): Promise<void>;
}

export async function startTcpProxy(options: { upstreams: readonly number[] }): Promise<TcpProxy> {
	const { upstreams } = options;
	const routed = upstreams.map(() => 0);
	const open = new Set<Socket>();
	let turn = 0;
	const track = (socket: Socket) => {
		open.add(socket);
		socket.once('close', () => open.delete(socket));
	};

	const server = createServer((client) => {
		track(client);
		client.pause();
		client.on('error', () => client.destroy());
		const first = turn++ % upstreams.length;
		const tryUpstream = (attempt: number) => {
			if (attempt === upstreams.length || client.destroyed) {
				client.destroy();
				return;
			}
			const index = (first + attempt) % upstreams.length;
			const upstream = connect({ port: upstreams[index], host: '127.0.0.1' });
			track(upstream);
			upstream.once('error', () => tryUpstream(attempt + 1));
			upstream.once('connect', () => {
				if (client.destroyed) {
					upstream.destroy();
					return;
				}
				routed[index]++;
				upstream.removeAllListeners('error');
				// Either side ending or failing ends both, as a proxy does when a server dies.
				for (const [from, to] of [
					[client, upstream],
					[upstream, client]
				]) {
					from.on('error', () => to.destroy());
					from.on('close', () => to.destroy());
					from.pipe(to);
				}
				client.resume();
			});
		};
		tryUpstream(0);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return {
		port,
		routed,
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				for (const socket of open) socket.destroy();
			})
	};
}
