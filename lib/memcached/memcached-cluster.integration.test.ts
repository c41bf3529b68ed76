import memjs from "memjs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import {
  createMemcached,
  type Memcached,
} from "@/lib/memcached/memcached-client";
import { decodeReplica } from "@/lib/memcached/replica-value";
import {
  startMemcachedServer,
  type MemcachedServer,
} from "@/lib/testing/memcached-server";

let nodes: MemcachedServer[];
let clients: Memcached[] = [];

beforeAll(async () => {
  nodes = await Promise.all([1, 2, 3].map(() => startMemcachedServer()));
});

afterEach(async () => {
  clients.forEach((client) => client.close());
  clients = [];
  for (const node of nodes) {
    node.resume();
    await node.restart();
  }
});

afterAll(async () => {
  await Promise.all(nodes.map((node) => node.kill()));
});

function cluster(members = nodes): Memcached {
  const client = createMemcached({
    servers: members.map((node) => ({ host: "127.0.0.1", port: node.port })),
    timeoutMs: 300,
    downForMs: 200,
  });
  clients.push(client);
  return client;
}

function nodeAt(address: string): MemcachedServer {
  const node = nodes.find((candidate) => candidate.address === address);
  if (!node) throw new Error(`no test node at ${address}`);
  return node;
}

/** A client of one node, past the cluster's placement and replication. */
async function withNode<T>(
  address: string,
  work: (raw: memjs.Client) => Promise<T>,
): Promise<T> {
  const raw = memjs.Client.create(address, { logger: { log: () => {} } });
  try {
    return await work(raw);
  } finally {
    raw.close();
  }
}

async function rawBytes(address: string, key: string): Promise<Buffer> {
  const { value } = await withNode(address, (raw) => raw.get(key));
  if (!value) throw new Error(`${address} holds no ${key}`);
  return value;
}

/** Puts back what a node held before, as if it had missed later writes. */
async function rawWrite(address: string, key: string, value: Buffer) {
  await withNode(address, (raw) => raw.set(key, value, { expires: 60 }));
}

async function rawCopy(address: string, key: string) {
  const { value } = await withNode(address, (raw) => raw.get(key));
  return value ? decodeReplica(value) : null;
}

const text = (value: Buffer | null) => value?.toString() ?? null;

describe("a memcached cluster with a copy of every key on two nodes", () => {
  it("writes each key to its home node and its backup, and nowhere else", async () => {
    const client = cluster();
    await client.set("k", Buffer.from("v1"), 60);
    const { home, backup } = client.placement("k");
    const third = nodes.find((n) => ![home, backup].includes(n.address))!;

    expect(text((await rawCopy(home, "k"))?.value ?? null)).toBe("v1");
    expect(text((await rawCopy(backup!, "k"))?.value ?? null)).toBe("v1");
    expect(await rawCopy(third.address, "k")).toBeNull();
  });

  it("reads from the backup, without an error, when the home node is killed", async () => {
    const client = cluster();
    await client.set("k", Buffer.from("v1"), 60);

    await nodeAt(client.placement("k").home).kill();

    expect(text(await client.get("k"))).toBe("v1");
    await client.set("k", Buffer.from("v2"), 60);
    expect(text(await client.get("k"))).toBe("v2");
  });

  it("refills a home node that came back empty from the backup", async () => {
    const client = cluster();
    await client.set("k", Buffer.from("v1"), 60);
    const { home } = client.placement("k");

    await nodeAt(home).restart();
    expect(await rawCopy(home, "k")).toBeNull();
    expect(text(await client.get("k"))).toBe("v1");

    await expect
      .poll(async () => text((await rawCopy(home, "k"))?.value ?? null))
      .toBe("v1");
  });

  it("never lets a copy that missed a write win over the newer one", async () => {
    const client = cluster();
    await client.set("k", Buffer.from("old"), 60);
    const { home } = client.placement("k");
    const missed = await rawBytes(home, "k");

    await client.set("k", Buffer.from("new"), 60);
    await rawWrite(home, "k", missed);

    expect(text(await client.get("k"))).toBe("new");
    await expect
      .poll(async () => text((await rawCopy(home, "k"))?.value ?? null))
      .toBe("new");
  });

  it("keeps a deleted key deleted when one node missed the delete", async () => {
    const client = cluster();
    await client.set("k", Buffer.from("revoked soon"), 60);
    const { backup } = client.placement("k");
    const missed = await rawBytes(backup!, "k");

    await client.delete("k");
    await rawWrite(backup!, "k", missed);

    expect(await client.get("k")).toBeNull();
    await expect
      .poll(async () => (await rawCopy(backup!, "k"))?.tombstone)
      .toBe(true);
  });

  it("is unavailable for a key only when both of its nodes are down", async () => {
    const client = cluster();
    await client.set("k", Buffer.from("v1"), 60);
    const { home, backup } = client.placement("k");

    await nodeAt(home).kill();
    await nodeAt(backup!).kill();

    await expect(client.get("k")).rejects.toMatchObject({
      code: "SESSION_STORE_UNAVAILABLE",
    });
    await expect(client.set("k", Buffer.from("v2"), 60)).rejects.toMatchObject({
      code: "SESSION_STORE_UNAVAILABLE",
    });
  });

  it("finds every key again after a node joins the cluster", async () => {
    const before = cluster(nodes.slice(0, 2));
    const keys = Array.from({ length: 200 }, (_, i) => `sess:${i}`);
    for (const key of keys) await before.set(key, Buffer.from(key), 60);

    const after = cluster(nodes);
    const found = await Promise.all(keys.map((key) => after.get(key)));

    expect(found.map(text)).toEqual(keys);
  });

  it("keeps counting on the backup while a counter's home node is down", async () => {
    const client = cluster();
    const counter = { initial: 1, expiresSeconds: 60 };
    expect(await client.increment("c", 1, counter)).toBe(1);

    await nodeAt(client.placement("c").home).kill();

    const afterKill = await client
      .increment("c", 1, counter)
      .catch(() => client.increment("c", 1, counter));
    expect(afterKill).toBeGreaterThanOrEqual(1);
    expect(await client.increment("c", 1, counter)).toBe(afterKill + 1);
  });

  it("removes a reset counter from both of its nodes", async () => {
    const client = cluster();
    const counter = { initial: 1, expiresSeconds: 60 };
    await client.increment("c", 1, counter);
    await client.increment("c", 1, counter);

    await client.resetCounter("c");

    expect(await client.increment("c", 1, counter)).toBe(1);
  });
});
