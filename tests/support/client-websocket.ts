import WebSocket from 'ws';

/**
 * `ws` with an error listener from the start, as the WebSocketPolyfill of test and bench
 * providers. A provider destroyed while its socket is still opening (a reconnect after the server
 * closed it, a connection the loaded machine was slow to open) closes that socket; `ws` then emits
 * 'error' ("closed before the connection was established"), which with no listener is an uncaught
 * exception that fails the whole run though every test passed. The provider sees the close, as
 * in a browser, where an error event never throws.
 */
export class ClientWebSocket extends WebSocket {
	constructor(...args: ConstructorParameters<typeof WebSocket>) {
		super(...args);
		this.on('error', () => {});
	}
}
