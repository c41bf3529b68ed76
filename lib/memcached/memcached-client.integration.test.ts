import { randomUUID } from "node:crypto";
import net from "node:net";

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { AppError } from "@/lib/errors/app-error";
import {
  createMemcached,
  type Memcached,
} from "@/lib/memcached/memcached-client";
import {
  startMemcachedServer,
  type MemcachedServer,
} from "@/lib/testing/memcached-server";

let server: MemcachedServer;

beforeAll(async () => {
  server = await startMemcachedServer();
});

afterAll(async () => {
  await server.kill();
});

function clientFor(port: number, timeoutMs = 300): Memcached {
  return createMemcached({ servers: [{ host: "127.0.0.1", port }], timeoutMs });
}

/** A TCP peer that accepts a request and then misbehaves. */
async function brokenPeer(behaviour: "silent" | "hang-up") {
  const sockets = new Set<net.Socket>();
  const peer = net.createServer((socket) => {
    sockets.add(socket);
    socket.once("data", () => {
      if (behaviour === "hang-up") socket.end();
    });
  });
  await new Promise<void>((resolve) => peer.listen(0, "127.0.0.1", resolve));
  return {
    port: (peer.address() as net.AddressInfo).port,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => peer.close(resolve));
    },
  };
}

/**
 * A peer speaking just enough of the binary protocol to answer each request
 * with the next status in `statuses`, carrying `value` when the status is 0.
 */
async function scriptedPeer(statuses: number[], value: number) {
  const requests: number[] = [];
  const peer = net.createServer((socket) => {
    let pending = Buffer.alloc(0);
    socket.on("data", (chunk) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 24) {
        const length = 24 + pending.readUInt32BE(8);
        if (pending.length < length) return;
        const opcode = pending.readUInt8(1);
        const opaque = pending.readUInt32BE(12);
        pending = pending.subarray(length);
        requests.push(opcode);
        socket.write(
          binaryAnswer(opcode, opaque, statuses.shift() ?? 0, value),
        );
      }
    });
  });
  await new Promise<void>((resolve) => peer.listen(0, "127.0.0.1", resolve));
  return {
    port: (peer.address() as net.AddressInfo).port,
    requests,
    close: () => new Promise((resolve) => peer.close(resolve)),
  };
}

function binaryAnswer(
  opcode: number,
  opaque: number,
  status: number,
  value: number,
): Buffer {
  const body = Buffer.alloc(status === 0 ? 8 : 0);
  if (status === 0) body.writeBigUInt64BE(BigInt(value));
  const header = Buffer.alloc(24);
  header.writeUInt8(0x81, 0);
  header.writeUInt8(opcode, 1);
  header.writeUInt16BE(status, 6);
  header.writeUInt32BE(body.length, 8);
  header.writeUInt32BE(opaque, 12);
  return Buffer.concat([header, body]);
}

const INCREMENT_OPCODE = 0x05;
const NOT_STORED = 0x05;
const NON_NUMERIC = 0x06;

describe("createMemcached", () => {
  it("stores, reads and deletes a value on a real memcached", async () => {
    const client = clientFor(server.port);

    await client.set("k1", Buffer.from("hello"), 60);
    expect((await client.get("k1"))?.toString()).toBe("hello");
    await client.delete("k1");
    expect(await client.get("k1")).toBeNull();
    client.close();
  });

  it("sends a turn's requests together, in a few socket writes", async () => {
    const client = clientFor(server.port);
    await client.get("warm-up"); // connected before counting
    const write = vi.spyOn(net.Socket.prototype, "_write");
    const writev = vi.spyOn(net.Socket.prototype, "_writev");
    const keys = Array.from({ length: 100 }, (_, i) => `turn-${i}`);

    try {
      await Promise.all(
        keys.map((key) => client.set(key, Buffer.from(key), 60)),
      );
      const read = await Promise.all(keys.map((key) => client.get(key)));
      const writes = write.mock.calls.length + writev.mock.calls.length;
      console.log(`200 requests in two turns took ${writes} socket writes`);

      expect(read.map((value) => value?.toString())).toEqual(keys);
      expect(writes).toBeLessThanOrEqual(4);
    } finally {
      write.mockRestore();
      writev.mockRestore();
      client.close();
    }
  });

  it("gives up on a node that never answers, within its deadline", async () => {
    const peer = await brokenPeer("silent");
    const client = clientFor(peer.port, 200);

    const started = performance.now();
    const error = await client.get("k").catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(503);
    expect(performance.now() - started).toBeLessThan(5_000);
    client.close();
    await peer.close();
  });

  it("does not hang when the node closes the socket mid-request", async () => {
    const peer = await brokenPeer("hang-up");
    const client = clientFor(peer.port, 200);

    const outcome = await Promise.race([
      client.get("k").then(
        () => "answered",
        (e: unknown) => (e instanceof AppError ? e.code : "other error"),
      ),
      new Promise((resolve) => setTimeout(() => resolve("hung"), 5_000)),
    ]);

    expect(outcome).toBe("SESSION_STORE_UNAVAILABLE");
    client.close();
    await peer.close();
  });

  it("works again after its node comes back, without a new client", async () => {
    const client = clientFor(server.port);
    await client.set("before", Buffer.from("1"), 60);

    await server.kill();
    await expect(client.get("before")).rejects.toMatchObject({
      code: "SESSION_STORE_UNAVAILABLE",
    });
    await server.restart();

    await client.set("after", Buffer.from("2"), 60);
    expect((await client.get("after"))?.toString()).toBe("2");
    client.close();
  });

  it("reports the health of every node", async () => {
    const peer = await brokenPeer("silent");
    const client = createMemcached({
      servers: [
        { host: "127.0.0.1", port: server.port },
        { host: "127.0.0.1", port: peer.port },
      ],
      timeoutMs: 300,
    });

    const nodes = await client.health();

    expect(nodes).toEqual([
      expect.objectContaining({ server: server.address, ok: true }),
      {
        server: `127.0.0.1:${peer.port}`,
        ok: false,
        error: "no answer in time",
      },
    ]);
    client.close();
    await peer.close();
  });

  it("creates a missing counter holding its initial value, then adds to it", async () => {
    const client = clientFor(server.port);
    const key = `counter:${randomUUID()}`;

    const counter = { initial: 1, expiresSeconds: 60 };
    expect(await client.increment(key, 1, counter)).toBe(1);
    expect(await client.increment(key, 1, counter)).toBe(2);
    expect(await client.increment(key, 5, counter)).toBe(7);
    expect((await client.get(key))?.toString()).toBe("7");
    client.close();
  });

  it("lets a counter expire when its first lifetime ends, however often it is incremented", async () => {
    const client = clientFor(server.port);
    const key = `counter:${randomUUID()}`;
    await client.increment(key, 1, { initial: 1, expiresSeconds: 2 });

    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await client.increment(key, 1, { initial: 1, expiresSeconds: 60 });
    await new Promise((resolve) => setTimeout(resolve, 2_200));

    expect(await client.get(key)).toBeNull();
    client.close();
  });

  it("counts every increment once when many clients create the same counter at once", async () => {
    const clients = Array.from({ length: 10 }, () =>
      clientFor(server.port, 2_000),
    );
    await Promise.all(clients.map((client) => client.get("warm-up")));
    const keys = Array.from({ length: 20 }, () => `counter:${randomUUID()}`);

    for (const key of keys) {
      const values = await Promise.all(
        clients.map((client) =>
          client.increment(key, 1, { initial: 1, expiresSeconds: 60 }),
        ),
      );
      expect(values.toSorted((a, b) => a - b)).toEqual([
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
      ]);
    }
    for (const client of clients) client.close();
  });

  it("increments again when it loses the race to create a counter", async () => {
    const peer = await scriptedPeer([NOT_STORED, 0], 2);
    const client = clientFor(peer.port);

    const value = await client.increment("k", 1, {
      initial: 1,
      expiresSeconds: 60,
    });

    expect(value).toBe(2);
    expect(peer.requests).toEqual([INCREMENT_OPCODE, INCREMENT_OPCODE]);
    client.close();
    await peer.close();
  });

  it("reports a counter that fails twice as unavailable instead of looping", async () => {
    const peer = await scriptedPeer([NOT_STORED, NOT_STORED, 0], 2);
    const client = clientFor(peer.port);

    await expect(
      client.increment("k", 1, { initial: 1, expiresSeconds: 60 }),
    ).rejects.toMatchObject({ code: "SESSION_STORE_UNAVAILABLE" });
    expect(peer.requests).toHaveLength(2);
    client.close();
    await peer.close();
  });

  it("does not retry an increment that fails for another reason", async () => {
    const peer = await scriptedPeer([NON_NUMERIC, 0], 2);
    const client = clientFor(peer.port);

    await expect(
      client.increment("k", 1, { initial: 1, expiresSeconds: 60 }),
    ).rejects.toMatchObject({ code: "SESSION_STORE_UNAVAILABLE" });
    expect(peer.requests).toHaveLength(1);
    client.close();
    await peer.close();
  });

  it("gives up an increment on a node that never answers, within its deadline", async () => {
    const peer = await brokenPeer("silent");
    const client = clientFor(peer.port, 200);

    const started = performance.now();
    const error = await client
      .increment("k", 1, { initial: 1, expiresSeconds: 60 })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: "SESSION_STORE_UNAVAILABLE",
      details: { op: "increment" },
    });
    expect(performance.now() - started).toBeLessThan(5_000);
    client.close();
    await peer.close();
  });

  it("refuses counter arguments that memcached would misread, before sending anything", async () => {
    const peer = await scriptedPeer([], 1);
    const client = clientFor(peer.port);
    const counter = { initial: 1, expiresSeconds: 60 };

    for (const attempt of [
      () => client.increment("k", -1, counter),
      () => client.increment("k", 1.5, counter),
      () => client.increment("k", 1, { ...counter, initial: 2 ** 32 }),
      () =>
        client.increment("k", 1, { ...counter, expiresSeconds: 31 * 86_400 }),
      () => client.increment("k", 1, { ...counter, expiresSeconds: -1 }),
    ]) {
      expect(attempt).toThrow(RangeError);
    }
    expect(peer.requests).toEqual([]);
    client.close();
    await peer.close();
  });
});
