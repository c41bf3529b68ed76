import "server-only";
import { hash } from "node:crypto";

/**
 * Rendezvous (highest random weight) hashing: every node scores every key,
 * and a key lives on the nodes with the highest scores. Adding a node moves
 * only the keys it now outscores, about 1/N of them; removing one moves only
 * its own. memjs alone places keys by hash modulo N, which moves most keys
 * whenever N changes.
 */
export function rankNodes<T extends { name: string }>(
  key: string,
  nodes: readonly T[],
): T[] {
  return nodes
    .map((node) => ({ node, score: score(node.name, key) }))
    .sort((a, b) => b.score - a.score || (a.node.name < b.node.name ? -1 : 1))
    .map(({ node }) => node);
}

// 48 bits of MD5 fit a double exactly; MD5 serves here as a fast, evenly
// spread hash, not as a security measure.
function score(node: string, key: string): number {
  return hash("md5", `${node}\0${key}`, "buffer").readUIntBE(0, 6);
}
