import net from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

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

describe("createMemcached", () => {
  it("stores, reads and deletes a value on a real memcached", async () => {
    const client = clientFor(server.port);

    await client.set("k1", Buffer.from("hello"), 60);
    expect((await client.get("k1"))?.toString()).toBe("hello");
    await client.delete("k1");
    expect(await client.get("k1")).toBeNull();
    client.close();
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
});
