import { describe, expect, it } from "vitest";

import { rankNodes } from "@/lib/memcached/placement";

const nodes = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ name: `10.0.0.${i + 1}:11211` }));
const keys = Array.from({ length: 20_000 }, (_, i) => `sess:${i}`);

function homes(cluster: { name: string }[]) {
  return keys.map((key) => rankNodes(key, cluster)[0]?.name);
}

describe("rankNodes", () => {
  it("spreads keys evenly over the nodes", () => {
    const counts = new Map<string, number>();
    for (const home of homes(nodes(4))) {
      counts.set(home!, (counts.get(home!) ?? 0) + 1);
    }

    expect(counts.size).toBe(4);
    for (const count of counts.values()) {
      expect(count / keys.length).toBeGreaterThan(0.22);
      expect(count / keys.length).toBeLessThan(0.28);
    }
  });

  it("moves about a quarter of the keys, all to the new node, when a fourth node joins", () => {
    const before = homes(nodes(3));
    const after = homes(nodes(4));

    const moved = keys.filter((_, i) => before[i] !== after[i]);
    const movedTo = new Set(
      keys.flatMap((_, i) => (before[i] !== after[i] ? [after[i]] : [])),
    );
    console.info(`${moved.length} of ${keys.length} keys moved`);
    expect(moved.length / keys.length).toBeGreaterThan(0.2);
    expect(moved.length / keys.length).toBeLessThan(0.3);
    expect([...movedTo]).toEqual(["10.0.0.4:11211"]);
  });

  it("moves only the keys of a node that leaves", () => {
    const cluster = nodes(4);
    const before = homes(cluster);
    const after = homes(
      cluster.filter((node) => node.name !== "10.0.0.2:11211"),
    );

    keys.forEach((_, i) => {
      if (before[i] !== "10.0.0.2:11211") expect(after[i]).toBe(before[i]);
    });
  });

  it("ranks every node once, so a key's backup is never its home", () => {
    for (const key of keys.slice(0, 500)) {
      const ranked = rankNodes(key, nodes(3)).map((node) => node.name);
      expect(new Set(ranked).size).toBe(3);
    }
  });

  it("ranks the same way whatever order the nodes are listed in", () => {
    const listed = nodes(5);
    const reversed = [...listed].reverse();

    for (const key of keys.slice(0, 500)) {
      expect(rankNodes(key, reversed)).toEqual(rankNodes(key, listed));
    }
  });
});
