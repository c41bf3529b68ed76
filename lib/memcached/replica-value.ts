import "server-only";

/**
 * What a replicated key holds on each node: the value, the version that
 * orders it against the copy on the other node, when it expires (so a copy
 * refilled onto a repaired node keeps the same deadline), and whether it is
 * a tombstone left by a delete.
 */
export type ReplicaValue = {
  version: number;
  expiresAt: number;
  tombstone: boolean;
  value: Buffer;
};

const MAGIC = 0xc7;
const FORMAT = 1;
const HEADER_BYTES = 19;
const TOMBSTONE = 1;

export function encodeReplica(replica: ReplicaValue): Buffer {
  // Every byte is written below, so the buffer needs no zeroing.
  const encoded = Buffer.allocUnsafe(HEADER_BYTES + replica.value.length);
  encoded.writeUInt8(MAGIC, 0);
  encoded.writeUInt8(FORMAT, 1);
  encoded.writeUInt8(replica.tombstone ? TOMBSTONE : 0, 2);
  encoded.writeDoubleBE(replica.version, 3);
  encoded.writeDoubleBE(replica.expiresAt, 11);
  replica.value.copy(encoded, HEADER_BYTES);
  return encoded;
}

/**
 * Reads a stored copy. A value written before replication existed has no
 * header: it counts as the oldest version, with an unknown expiry.
 */
export function decodeReplica(stored: Buffer): ReplicaValue {
  if (
    stored.length < HEADER_BYTES ||
    stored.readUInt8(0) !== MAGIC ||
    stored.readUInt8(1) !== FORMAT
  ) {
    return { version: 0, expiresAt: 0, tombstone: false, value: stored };
  }
  return {
    version: stored.readDoubleBE(3),
    expiresAt: stored.readDoubleBE(11),
    tombstone: (stored.readUInt8(2) & TOMBSTONE) !== 0,
    value: stored.subarray(HEADER_BYTES),
  };
}

/**
 * Versions from this process's clock in microseconds, never repeating and
 * never going back. Two instances order their writes by wall clock, so a
 * clock skew larger than the time between two writes of one key could let
 * the earlier write win; writes of one session come from one learner's
 * requests, seconds apart.
 */
export function createVersionClock(now: () => number = Date.now) {
  let last = 0;
  return () => {
    last = Math.max(now() * 1000, last + 1);
    return last;
  };
}
