/**
 * Per-connection bounds on inbound work (see the flood section of the README). The defaults live here, beside the
 * environment variables that override them, so reading the configuration needs no server code.
 */
export interface FloodLimits {
	/** Sustained messages per second a connection may have processed. */
	messagesPerSecond: number;
	/** Sustained bytes per second; one message larger than a second's budget still passes, then waits. */
	bytesPerSecond: number;
	/** Messages handed to Hocuspocus per event-loop turn, so no connection monopolizes the loop. */
	sliceMessages: number;
	/** Above this many queued messages the socket stops being read (TCP backpressure). */
	highWaterMessages: number;
	/** A connection whose queue still grows past these (frames already in flight) is closed. */
	maxQueuedMessages: number;
	maxQueuedBytes: number;
}

export const DEFAULT_FLOOD_LIMITS: FloodLimits = {
	messagesPerSecond: 1000,
	bytesPerSecond: 8 * 1024 * 1024,
	sliceMessages: 8,
	highWaterMessages: 512,
	maxQueuedMessages: 8192,
	maxQueuedBytes: 64 * 1024 * 1024
};

/** The largest WebSocket message the sync server accepts unless PLANBOARD_MAX_PAYLOAD says otherwise. */
export const DEFAULT_MAX_PAYLOAD = 4 * 1024 * 1024;
