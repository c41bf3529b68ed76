// `npm run cluster`: the scaled-out tier on one machine. Starts, on loopback,
// several memcached nodes, several production app instances sharing them and
// one database, and nginx in front as a round-robin load balancer with no
// sticky sessions, then prints the URL. Ctrl-C stops everything it started.
//
//   npm run cluster -- --apps 3 --nodes 2 --port 8080
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

import { buildIfNeeded } from "./build-if-needed.mjs";
import {
  ensureDebianPackage,
  ensureDependencies,
  ensureMemcached,
  fail,
  root,
  say,
} from "./prerequisites.mjs";
import { supervise } from "./supervisor.mjs";

const { values } = parseArgs({
  options: {
    apps: { type: "string", default: "2" },
    nodes: { type: "string", default: "2" },
    port: { type: "string", default: process.env.PORT ?? "3000" },
  },
});
const apps = count("--apps", values.apps, 1, 8);
const nodes = count("--nodes", values.nodes, 1, 8);
const port = count("--port", values.port, 1, 65535);

function count(name, value, min, max) {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    fail(
      `${name} must be a whole number from ${min} to ${max}, not "${value}".`,
    );
  }
  return number;
}

function nginxConfig(dir, appPorts) {
  const runAsRoot = process.getuid?.() === 0 ? "user root;\n" : "";
  return `${runAsRoot}worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream certdrill {
    # Round robin, no stickiness: any instance serves any request.
${appPorts.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join("\n")}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://certdrill;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      # The app counts the client's address one entry left of the last.
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Real-IP "";
      proxy_set_header X-Forwarded-Proto $scheme;
    }
  }
}
`;
}

/**
 * An app instance that only nginx can reach, on loopback, trusting the one
 * X-Forwarded-For entry nginx appends: a client reaching an instance directly
 * could otherwise name any address it liked to the rate limits.
 */
function startApp(appPort, env, name) {
  const serve = path.join(root, "scripts", "serve.mjs");
  const child = spawn(
    process.execPath,
    [serve, "--port", String(appPort), "--hostname", "127.0.0.1"],
    {
      cwd: root,
      env: { ...env, CERTDRILL_INSTANCE: name, TRUSTED_PROXY_HOPS: "1" },
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
  return supervise(child, name, { fatal: false });
}

async function main() {
  ensureDependencies();
  ensureMemcached();
  ensureDebianPackage("nginx", "nginx", "the cluster's load balancer");
  const { freePort, portIsFree, startMemcached, waitForPort } =
    await import("./memcached.mjs");
  if (!(await portIsFree(port))) {
    fail(
      `Port ${port} is already in use. Stop whatever uses it, or run npm run cluster -- --port 3001.`,
    );
  }
  buildIfNeeded();

  const nodePorts = [];
  const nodePids = [];
  for (let i = 0; i < nodes; i++) {
    const nodePort = await freePort();
    const node = await startMemcached(nodePort);
    supervise(node, `memcached ${i + 1}`, { fatal: false });
    nodePorts.push(nodePort);
    nodePids.push(node.pid);
  }
  const env = {
    ...process.env,
    MEMCACHED_SERVERS: nodePorts.map((p) => `127.0.0.1:${p}`).join(","),
  };

  // The first instance migrates the database and writes the sign-in secret
  // alone; the others start once it listens.
  const appPorts = [];
  const appPids = [];
  for (let i = 0; i < apps; i++) {
    const appPort = await freePort();
    appPids.push(startApp(appPort, env, `app-${i + 1}`).pid);
    appPorts.push(appPort);
    if (i === 0) await waitForPort(appPort, 60_000);
  }
  await Promise.all(appPorts.map((p) => waitForPort(p, 60_000)));

  const dir = path.join(root, "data", "cluster");
  for (const sub of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) {
    mkdirSync(path.join(dir, sub), { recursive: true });
  }
  writeFileSync(path.join(dir, "nginx.conf"), nginxConfig(dir, appPorts));
  supervise(
    spawn(
      "nginx",
      [
        "-p",
        dir,
        "-e",
        path.join(dir, "error.log"),
        "-c",
        path.join(dir, "nginx.conf"),
        "-g",
        "daemon off;",
      ],
      { stdio: ["ignore", "inherit", "inherit"] },
    ),
    "nginx",
  );
  await waitForPort(port, 10_000);

  say("certdrill cluster:");
  nodePorts.forEach((p, i) =>
    say(`  memcached ${i + 1}: 127.0.0.1:${p} (pid ${nodePids[i]})`),
  );
  appPorts.forEach((p, i) =>
    say(`  app-${i + 1}: http://127.0.0.1:${p} (pid ${appPids[i]})`),
  );
  say(`  load balancer (nginx, round robin): http://localhost:${port}`);
  say(
    "Kill a node or an instance by its pid to watch the rest carry on; " +
      "memcached -l 127.0.0.1 -p <port> -U 0 (with -u root as root) " +
      "brings a node back.",
  );
  say("Ctrl-C stops everything.");
}

await main();
