/** Views the bytes as a Buffer without copying; better-sqlite3 binds BLOBs only from Buffers. */
export function toBuffer(bytes: Uint8Array): Buffer {
	return Buffer.isBuffer(bytes)
		? bytes
		: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Views a BLOB read from SQLite as a plain Uint8Array, so callers never depend on Buffer. */
export function toBytes(buffer: Buffer): Uint8Array {
	return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
