import { spawn, type ChildProcess } from "node:child_process";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { SIGN_IN_PER_ADDRESS } from "@/lib/rate-limit/rate-limit";
import { browserLike, signInOverHttp } from "@/lib/testing/http-client";
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
  it("counts sign-ins under the address nginx saw, whatever X-Forwarded-For the client sends", async () => {
    const { limit, windowSeconds } = SIGN_IN_PER_ADDRESS;
    const left = windowSeconds - ((Date.now() / 1000) % windowSeconds);
    if (left < 60) await new Promise((r) => setTimeout(r, (left + 1) * 1000));
    const errors = [];
    for (let n = 0; n <= limit; n++) {
      const browser = browserLike({
        headers: { "x-forwarded-for": `198.51.100.${n}` },
      });
      const result = await signInOverHttp(
        browser,
        url,
        `sprayed-${n}@example.com`,
        "a guess from a list of common passwords",
      );
      errors.push(result.error);
    }

    expect(errors.slice(0, limit)).toEqual(
      Array(limit).fill("CredentialsSignin"),
    );
    expect(errors[limit]).toMatch(/^Too many sign-in attempts\./);
  });

  it("spreads requests over every instance and keeps one session across them", async () => {
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

    console.info(
      `cluster: ${instances.size} instances answered 6 health checks ` +
        `(${[...instances].join(", ")})`,
    );
    expect(instances.size).toBe(2);
    expect(again).toEqual([learner, learner, learner, learner]);
  });

  it("keeps serving the same session through nginx after a memcached node and an app instance are killed by hand", async () => {
    const browser = browserLike();
    const opened = await browser.request(`${url}/api/session`, {
      method: "POST",
    });
    const learner = ((await opened.json()) as { learner: { id: string } })
      .learner.id;
    const nodePid = Number(/memcached 1: \S+ \(pid (\d+)\)/.exec(output)?.[1]);
    const appPid = Number(/app-1: \S+ \(pid (\d+)\)/.exec(output)?.[1]);
    process.kill(nodePid, "SIGKILL");
    process.kill(appPid, "SIGKILL");
    await new Promise((resolve) => setTimeout(resolve, 500));

    const statuses: number[] = [];
    const instances = new Set<string>();
    const learners = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const health = await fetch(`${url}/api/health`);
      statuses.push(health.status);
      instances.add(((await health.json()) as { instance: string }).instance);
      const again = await browser.request(`${url}/api/session`, {
        method: "POST",
      });
      statuses.push(again.status);
      learners.add(
        ((await again.json()) as { learner: { id: string } }).learner.id,
      );
    }

    console.info(
      `killed memcached 1 (pid ${nodePid}) and app-1 (pid ${appPid}); ` +
        `statuses ${statuses.join(" ")}; instances answering: ` +
        `${[...instances].join(", ")}; learners: ${learners.size}`,
    );
    expect(cluster.exitCode).toBeNull();
    expect(output).toContain("the rest keep running");
    expect(statuses.every((status) => status === 200)).toBe(true);
    expect([...instances]).toEqual(["app-2"]);
    expect([...learners]).toEqual([learner]);
  });

  it("stops everything it started on Ctrl-C", async () => {
    const exited = new Promise((resolve) => cluster.once("exit", resolve));
    process.kill(-cluster.pid!, "SIGINT");
    await exited;
    const stillOpen = [];
    for (const port of ports) {
      if (!(await portIsFree(port))) stillOpen.push(port);
    }

    console.info(
      `cluster: ${ports.length} ports before Ctrl-C, ` +
        `${stillOpen.length} still open after`,
    );
    expect(stillOpen).toEqual([]);
  });
});
