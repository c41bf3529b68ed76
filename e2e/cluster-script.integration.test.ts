import { spawn, type ChildProcess } from "node:child_process";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { browserLike } from "@/lib/testing/http-client";
import { freePort, portIsFree } from "@/scripts/memcached.mjs";

// `npm run cluster` as the README runs it: two app instances, two memcached
// nodes and nginx in front, stopped with Ctrl-C.

let cluster: ChildProcess;
let output = "";
let url: string;
let ports: number[];

beforeAll(async () => {
  const port: number = await freePort();
  url = `http://localhost:${port}`;
  cluster = spawn(
    process.execPath,
    ["scripts/cluster.mjs", "--apps", "2", "--nodes", "2", "--port", `${port}`],
    { detached: true, env: { ...process.env, LOG_LEVEL: "warn" } },
  );
  cluster.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  cluster.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 90_000;
  while (!output.includes("Ctrl-C stops everything")) {
    if (cluster.exitCode !== null || Date.now() > deadline) {
      throw new Error(`npm run cluster did not come up:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  ports = [...output.matchAll(/127\.0\.0\.1:(\d+)/g)].map((m) => Number(m[1]));
  ports.push(port);
});

afterAll(() => {
  if (cluster.exitCode === null && cluster.pid) {
    process.kill(-cluster.pid, "SIGKILL");
  }
});

describe("npm run cluster", () => {
  it("spreads requests over every instance, keeps one session across them, and stops everything on Ctrl-C", async () => {
    const instances = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const health = await fetch(`${url}/api/health`);
      expect(health.status).toBe(200);
      instances.add(((await health.json()) as { instance: string }).instance);
    }
    const browser = browserLike();
    const opened = await browser.request(`${url}/api/session`, {
      method: "POST",
    });
    const learner = ((await opened.json()) as { learner: { id: string } })
      .learner.id;
    const again = await Promise.all(
      [1, 2, 3, 4].map(async () => {
        const response = await browser.request(`${url}/api/session`, {
          method: "POST",
        });
        return ((await response.json()) as { learner: { id: string } }).learner
          .id;
      }),
    );

    const exited = new Promise((resolve) => cluster.once("exit", resolve));
    process.kill(-cluster.pid!, "SIGINT");
    await exited;
    const stillOpen = [];
    for (const port of ports) {
      if (!(await portIsFree(port))) stillOpen.push(port);
    }

    console.info(
      `cluster: ${instances.size} instances answered 6 health checks ` +
        `(${[...instances].join(", ")}); ${ports.length} ports before ` +
        `Ctrl-C, ${stillOpen.length} still open after`,
    );
    expect(instances.size).toBe(2);
    expect(again).toEqual([learner, learner, learner, learner]);
    expect(stillOpen).toEqual([]);
  });
});
