import { describe, expect, it } from "vitest";

import {
  createVersionClock,
  decodeReplica,
  encodeReplica,
} from "@/lib/memcached/replica-value";

describe("replica values", () => {
  it("read back the version, expiry, tombstone mark and value written", () => {
    const written = {
      version: 1_764_800_000_000_123,
      expiresAt: 1_764_800_060_000,
      tombstone: false,
      value: Buffer.from('{"learner":"x"}'),
    };

    expect(decodeReplica(encodeReplica(written))).toEqual(written);
    expect(
      decodeReplica(
        encodeReplica({ ...written, tombstone: true, value: Buffer.alloc(0) }),
      ),
    ).toMatchObject({ tombstone: true, value: Buffer.alloc(0) });
  });

  it("keep a copy that never expires marked as such", () => {
    const copy = { version: 1, expiresAt: Infinity, tombstone: false };
    expect(
      decodeReplica(encodeReplica({ ...copy, value: Buffer.from("v") })),
    ).toMatchObject(copy);
  });

  it("count a value stored before replication as the oldest version", () => {
    const legacy = Buffer.from('{"version":3}');

    expect(decodeReplica(legacy)).toEqual({
      version: 0,
      expiresAt: 0,
      tombstone: false,
      value: legacy,
    });
  });
});

describe("createVersionClock", () => {
  it("never repeats or goes back, even when the wall clock does", () => {
    const times = [5000, 5000, 4000, 6000];
    const clock = createVersionClock(() => times.shift() ?? 0);

    const versions = [clock(), clock(), clock(), clock()];

    expect(versions).toEqual([5_000_000, 5_000_001, 5_000_002, 6_000_000]);
  });
});
