// `npm run bench`: measures the built client next to what a user would pick instead, on this
// machine, and writes BENCHMARKS.md. Every figure is a ratio against a peer run side by side in the
// same process, never an absolute time compared with a constant: the machines are shared and noisy.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { operations } from "../../generated/operations.js";
import { browserBundleSize, gzipBudget, gzipBudgetBytes } from "../bundle-size.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
console.log("building dist/");
execFileSync("bash", ["scripts/build.sh"], { cwd: root, stdio: "inherit" });
// These load dist/, so they are imported after the build.
const { baselines, libraries } = await import("./harness.js");
const { buckets } = await import("./profile.js");
const { coldRuns, coldStart } = await import("./cold-start.js");
const { memory } = await import("./memory.js");
type LineResult = import("./line.js").LineResult;
type LoopbackRow = import("./loopback.js").LoopbackRow;

const calls = Number(process.env.BENCH_CALLS ?? 2_000);
const fmt = (n: number, digits = 1) => n.toFixed(digits);
const times = (ratio: number) => `${fmt(ratio, 3)}x`;
const floorTarget = 1.1;

/** `npx -y node@<major>` fetches that line from the npm registry once; its binary is then run. */
function nodeBinary(major: number): string | { skipped: string } {
  const found = spawnSync("npx", ["-y", `node@${major}`, "-p", "process.execPath"], {
    cwd: root,
    encoding: "utf8",
  });
  const path = found.stdout?.trim().split("\n").at(-1) ?? "";
  return found.status === 0 && existsSync(path)
    ? path
    : { skipped: `node@${major} did not run (${found.stderr?.trim().split("\n")[0] ?? ""})` };
}

function runLine(nodePath: string, withProfiles: boolean): LineResult {
  const result = spawnSync(
    nodePath,
    ["--import", "tsx", "scripts/bench/line.ts", String(calls), withProfiles ? "profile" : ""],
    { cwd: root, encoding: "utf8", maxBuffer: 64 * 2 ** 20, stdio: ["ignore", "pipe", "inherit"] },
  );
  const last = result.stdout.trim().split("\n").at(-1) ?? "";
  if (result.status !== 0 || !last.startsWith("{")) {
    throw new Error(`the bench on ${nodePath} failed (exit ${result.status})`);
  }
  return JSON.parse(last) as LineResult;
}

// The operations are chosen once, here, and every Node line measures the same ones.
if (!process.env.BENCH_OPERATIONS) {
  const { chooseOperations } = await import("./loopback.js");
  const { startServer } = await import("./harness.js");
  const server = await startServer(true);
  const chosen = await chooseOperations(server.baseUrl);
  server.stop();
  process.env.BENCH_OPERATIONS = chosen.map(({ operation }) => operation.operationId).join(",");
}
console.log(`operations: ${process.env.BENCH_OPERATIONS}`);

const headlineMajor = 24;
const headlineNode = nodeBinary(headlineMajor);
if (typeof headlineNode !== "string") throw new Error(headlineNode.skipped);
console.log(`1/4 loopback and profiles on Node ${headlineMajor}: ${calls} calls per pair`);
const headline = runLine(headlineNode, true);
console.log(`1/4 loopback on ${process.version}`);
const lines = [headline, runLine(process.execPath, false)];

console.log("2/4 size");
const sized = [
  ["@hsrcpay/client", "./src/index.ts", false],
  ["openapi-fetch (no retries, timeouts or checks)", "openapi-fetch", true],
  ["openai-node", "openai", true],
  ["stripe-node", "stripe", true],
  ["ky", "ky", true],
  ["axios", "axios", true],
] as const;
const sizes = await Promise.all(
  sized.map(async ([name, module, hasDefault]) => ({
    name,
    ...(await browserBundleSize(root, module, hasDefault)),
  })),
);

console.log(`3/4 cold start on Node ${headlineMajor}`);
const cold = await coldStart(headlineNode);

console.log("4/4 memory (50,000 writes)");
const [heap, rawHeap] = [await memory("client"), await memory("raw fetch")];
const growth = heap.after50kMiB - heap.after1kMiB;
const rawGrowth = rawHeap.after50kMiB - rawHeap.after1kMiB;

const placements = [
  ["rowsInProcess", "server in the client's process"],
  ["rows", "server in its own process"],
] as const;
const peersInOrder = [...baselines, ...libraries];
const variantsOf = (rows: LoopbackRow[]) => [...new Set(rows.map((row) => row.variant))];
const ratioOf = (rows: LoopbackRow[], variant: string, peer: string) =>
  rows.find((row) => row.variant === variant && row.peer === peer)?.ratio ?? Number.NaN;

/** One table per line and placement: each of the client's calls over each peer. */
function pairTable(rows: LoopbackRow[]): string {
  const header = `| the client's call | ${peersInOrder.map((peer) => `over ${peer}`).join(" | ")} | |
| --- | ${peersInOrder.map(() => "---").join(" | ")} | --- |`;
  const body = variantsOf(rows).map((variant) => {
    const ratios = peersInOrder.map((peer) => ratioOf(rows, variant, peer));
    const floorOk = (ratios[0] ?? Number.NaN) <= floorTarget;
    const lost = libraries.filter((peer) => !(ratioOf(rows, variant, peer) < 1));
    const verdict = [
      floorOk ? "floor met" : "**floor missed**",
      lost.length === 0 ? "faster than every library" : `**not faster than ${lost.join(", ")}**`,
    ].join("; ");
    return `| \`${variant}\` | ${ratios.map(times).join(" | ")} | ${verdict} |`;
  });
  return [header, ...body].join("\n");
}

/** Every measured pair, with its medians, for the reader who wants the absolute times. */
function detailTable(rows: LoopbackRow[]): string {
  return `| the client's call | peer | median µs | p99 µs | peer median µs | ratio |
| --- | --- | --- | --- | --- | --- |
${rows.map((r) => `| \`${r.variant}\` | ${r.peer} | ${fmt(r.medianUs)} | ${fmt(r.p99Us)} | ${fmt(r.peerMedianUs)} | ${fmt(r.ratio, 3)} |`).join("\n")}`;
}

/** One section per Node line and server placement, each holding its rows rendered. */
const perPlacement = (render: (rows: LoopbackRow[]) => string) =>
  lines
    .flatMap((line) =>
      placements.map(
        ([key, where]) => `### Node ${line.version}, ${where}\n\n${render(line[key])}`,
      ),
    )
    .join("\n\n");

const headlineRows = headline.rowsInProcess;
const worstFloor = Math.max(
  ...variantsOf(headlineRows).map((v) => ratioOf(headlineRows, v, "guarded floor")),
);
const allPairs = lines.flatMap((line) =>
  placements.flatMap(([key]) =>
    line[key].filter((row) => (libraries as readonly string[]).includes(row.peer)),
  ),
);
const lostPairs = allPairs.filter((row) => !(row.ratio < 1));
const headlinePairs = headlineRows.filter((row) =>
  (libraries as readonly string[]).includes(row.peer),
).length;
const headlineLost = headlineRows.filter(
  (row) => (libraries as readonly string[]).includes(row.peer) && !(row.ratio < 1),
);

/** What each operation adds over its floor, bucket by bucket, from the headline line's profiles. */
const profileSection = headline.profiles
  .map(({ operation, client, floor }) => {
    const total = (summary: typeof client) =>
      buckets
        .filter((bucket) => !bucket.startsWith("idle"))
        .reduce((sum, bucket) => sum + summary.perCall[bucket], 0);
    const rows = buckets.map(
      (bucket) =>
        `| ${bucket} | ${fmt(client.perCall[bucket])} | ${fmt(floor.perCall[bucket])} | ${fmt(client.perCall[bucket] - floor.perCall[bucket])} |`,
    );
    return `#### \`${operation}\`

| where | the client, µs per call | its floor, µs per call | added |
| --- | --- | --- | --- |
${rows.join("\n")}
| **busy, idle left out** | **${fmt(total(client))}** | **${fmt(total(floor))}** | **${fmt(total(client) - total(floor))}** |

The client's own functions with the most self time: ${client.top.map(({ fn, us }) => `\`${fn}\` ${fmt(us)} µs`).join(", ")}.`;
  })
  .join("\n\n");

const ours = sizes[0];
const operationCount = Object.keys(operations).length;
const rawCold = cold.find((row) => row.name === "raw fetch");
const coldTable = cold
  .map(
    (row) =>
      `| ${row.name} | ${fmt(row.importMs)} | ${fmt(row.firstCallMs)} | ${fmt(row.importMs + row.firstCallMs)} | ${fmt(row.processMs)} | ${rawCold ? `+${fmt(row.processMs - rawCold.processMs)}` : ""} |`,
  )
  .join("\n");

/** The figures compared from run to run, kept at the end of the file as JSON. */
const figures: Record<string, number> = {};
for (const line of lines) {
  for (const [key, where] of placements) {
    for (const row of line[key]) {
      figures[`Node ${line.version.split(".")[0]}, ${where}: ${row.variant} over ${row.peer}`] =
        row.ratio;
    }
  }
}
for (const size of sizes) figures[`min+gzip bytes: ${size.name}`] = size.gzipped;
for (const row of cold)
  figures[`cold start ms, import and first call: ${row.name}`] = row.importMs + row.firstCallMs;
const figuresMark = "<!-- figures:";
const previousText = existsSync(`${root}/BENCHMARKS.md`)
  ? readFileSync(`${root}/BENCHMARKS.md`, "utf8")
  : "";
const previousJson = previousText.split(figuresMark)[1]?.split("-->")[0];
const previous = previousJson ? (JSON.parse(previousJson) as Record<string, number>) : {};
const previousDate = /on (\d{4}-\d{2}-\d{2})/.exec(previousText)?.[1] ?? "the last run";
const moved = Object.entries(figures)
  .filter(([name, now]) => {
    const before = previous[name];
    return before !== undefined && Math.abs(now / before - 1) >= 0.05;
  })
  .map(([name, now]) => `| ${name} | ${fmt(previous[name] ?? Number.NaN, 3)} | ${fmt(now, 3)} |`);
const why = readFileSync(new URL("why-figures-moved.md", import.meta.url), "utf8").trim();
const missed = readFileSync(new URL("targets-missed.md", import.meta.url), "utf8").trim();

const cpu = cpus()[0]?.model ?? "unknown CPU";
const report = `# Benchmarks

Written by \`npm run bench\` (scripts/bench/) on ${new Date().toISOString().slice(0, 10)}: ${lines.map((line) => `Node ${line.version}`).join(" and ")},
${cpu}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB. The client is the built \`dist/index.js\`.
Figures are ratios of medians against a peer measured side by side, call by call, in the same run;
absolute times vary with the machine and its load.

## Summary

| target | measured | |
| --- | --- | --- |
| every operation at most ${fmt(floorTarget, 2)}x the guarded floor, Node ${headlineMajor}, server in the client's process | worst ${times(worstFloor)} | ${worstFloor <= floorTarget ? "met" : "**missed**"} |
| every operation faster than openapi-fetch, openai-node, ky and axios, Node ${headlineMajor}, server in the client's process | ${headlinePairs - headlineLost.length} of ${headlinePairs} pairs faster${headlineLost.length ? `; not: ${headlineLost.map((row) => `${row.variant} over ${row.peer} ${times(row.ratio)}`).join(", ")}` : ""} | ${headlineLost.length === 0 ? "met" : "**missed**"} |
| the same, on both Node lines and both server placements | ${allPairs.length - lostPairs.length} of ${allPairs.length} pairs faster | ${lostPairs.length === 0 ? "met" : "**missed**"} |
| min+gzip browser bundle against openai-node's and stripe-node's | ${ours?.gzipped.toLocaleString("en")} B against ${sizes[2]?.gzipped.toLocaleString("en")} B and ${sizes[3]?.gzipped.toLocaleString("en")} B | ${ours && ours.gzipped < Math.min(sizes[2]?.gzipped ?? 0, sizes[3]?.gzipped ?? 0) ? "smaller" : "**larger**"} |
| cold start, import and first call, against the peers (Node ${headlineMajor}) | ${fmt((cold[1]?.importMs ?? 0) + (cold[1]?.firstCallMs ?? 0))} ms; the peers ${cold
  .slice(2)
  .map((row) => `${fmt(row.importMs + row.firstCallMs)}`)
  .join(", ")} ms | |
| no heap growth between 1,000 and 50,000 writes beyond noise | ${fmt(growth, 2)} MiB (raw fetch: ${fmt(rawGrowth, 2)} MiB) | ${growth - rawGrowth < 1 ? "met" : "**missed**"} |

The peers, each making the very request the client sent (recorded from the client, then replayed),
with their own retries and timeouts on where they have them:

- **guarded floor**: raw \`fetch\` with a per-attempt timeout \`AbortSignal\` that also covers the body
  read, and \`redirect: "manual"\`: what any client that holds against a hostile path pays. The
  ${fmt(floorTarget, 2)}x target is over this.
- **raw fetch**: \`fetch\`, then the body parsed. A baseline, not a peer to beat: every client here
  is built on it.
- **openapi-fetch** 0.17, stock, typed by the spec's paths (it has no retries or timeouts).
- **openai-node**: \`new OpenAI({ baseURL, maxRetries: 2, timeout })\` and its generic
  \`client.post(path, { body, idempotencyKey })\` (\`get\`, \`delete\`), the Stainless runtime many SDKs share.
- **ky** with \`retry: { limit: 2 }\` and \`timeout\`; **axios** with \`timeout\` and \`maxRedirects: 0\`.

## Targets missed, and what meeting them would take

${missed}

## What moved since ${previousDate}, and why

${moved.length ? `Figures that moved by 5% or more (ratios, bytes or milliseconds):\n\n| figure | before | now |\n| --- | --- | --- |\n${moved.join("\n")}` : "No figure kept from the last run moved by 5% or more, or the last run kept none."}

${why}

## 1. Per-request cost on loopback

A node:http server on 127.0.0.1 answers every operation with its first documented success and
that status's example (generated/responses.ts). The operations come from tables, not from this
script: the contract suite's valid call of every operation (test/contract/operations.ts), of which
the bench keeps, for each call kind of the spec and each of read and write, and for the writes that
send secret fields (a card), the one that sends and is answered the most bytes (the same choice
from run to run); \`BENCH_ALL=1\` measures every operation. \`raw\` makes each object write's request.
Each of the client's calls is measured in a pair with one peer at a time, ${calls.toLocaleString("en")} calls each after
300 warm-up calls, the two alternating call by call, each reading and parsing the whole body; a
ratio below 1 is the client being faster.

${perPlacement(pairTable)}

### Where the time goes (Node ${headline.version}, server in the client's process)

A V8 CPU profile (sampled every 50 µs) of ${calls.toLocaleString("en")} calls of each operation and of its guarded floor,
each sample's self time put where its code lives. The server shares the process, so its work is
in both columns and cancels out of "added"; sampling adds its own overhead, so these are shares,
not the loopback figures above.

${profileSection}

## 2. Size

Each package bundled whole as a browser app would ship it: esbuild, every export kept, minified,
ES2022, \`platform: "browser"\` (so stripe-node is measured by its worker build), gzip level 9.

| bundle | minified | min+gzip |
| --- | --- | --- |
${sizes.map((s) => `| ${s.name} | ${s.minified.toLocaleString("en")} B | ${s.gzipped.toLocaleString("en")} B |`).join("\n")}

\`npm test\` holds the client to a budget of ${gzipBudget.baseBytes.toLocaleString("en")} B plus ${gzipBudget.perOperationBytes} B per operation of the spec
(test/unit/bundle-size.test.ts): ${operationCount} operations today, ${gzipBudgetBytes(operationCount).toLocaleString("en")} B. scripts/bundle-size.ts says what
each step of the base bought. openapi-fetch is inside the client's figure.

## 3. Cold start

A fresh Node ${headline.version} process per run: import the client, make it, and make one create-payment call
(the request the client sends, recorded) on a loopback server in another process. Medians of
${coldRuns} runs, the clients taking turns. The first \`fetch\` of a process loads undici, which is why raw
fetch's first call is slow and a client that brings its own HTTP stack (axios) has a fast first
call but a slow import.

| client | import and make, ms | first call, ms | both, ms | process, spawn to exit, ms | process over raw fetch's, ms |
| --- | --- | --- | --- | --- | --- |
${coldTable}

## 4. Memory

Heap used after a full GC, each variant in its own child process on the loopback server, making
\`${heap.operation}\`. Counted as growth beyond noise: more than 1 MiB over what raw fetch
shows across the same calls.

| variant | after 1,000 calls, MiB | after 50,000 calls, MiB | growth, MiB |
| --- | --- | --- | --- |
| @hsrcpay/client | ${fmt(heap.after1kMiB, 2)} | ${fmt(heap.after50kMiB, 2)} | ${fmt(growth, 2)} |
| raw fetch | ${fmt(rawHeap.after1kMiB, 2)} | ${fmt(rawHeap.after50kMiB, 2)} | ${fmt(rawGrowth, 2)} |

## Every pair

${perPlacement(detailTable)}

${figuresMark}${JSON.stringify(figures)}-->
`;
writeFileSync(`${root}/BENCHMARKS.md`, report);
console.log(report);
