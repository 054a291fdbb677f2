// Where an operation's time goes: a V8 CPU profile of many calls of the client's operation and of
// its guarded floor, with the server in the same process, each sample's self time put in a bucket
// by the code it was in. What the operation adds over its floor is the difference, bucket by bucket.
import { Session } from "node:inspector/promises";
import type { Call } from "./harness.js";

export const buckets = [
  "the client (dist/)",
  "openapi-fetch",
  "fetch (undici)",
  "Node internals (http server, sockets, streams, timers)",
  "V8 builtins (JSON, RegExp, …)",
  "native, outside JavaScript (program)",
  "garbage collection",
  "the bench's server and loop",
  "idle (waiting on the socket)",
  "other",
] as const;
export type Bucket = (typeof buckets)[number];

export interface ProfileSummary {
  /** Microseconds per call in each bucket. */
  perCall: Record<Bucket, number>;
  /** The client's own functions with the most self time, microseconds per call. */
  top: { fn: string; us: number }[];
}

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}

/** The package's own built files, as the bench loads them. */
const dist = new URL("../../dist/", import.meta.url).href;

function bucketOf({ functionName, url }: CallFrame): Bucket {
  if (functionName === "(garbage collector)") return "garbage collection";
  if (functionName === "(idle)") return "idle (waiting on the socket)";
  if (functionName === "(program)") return "native, outside JavaScript (program)";
  if (url.startsWith(dist)) return "the client (dist/)";
  if (url.includes("/openapi-fetch/")) return "openapi-fetch";
  if (url.includes("undici")) return "fetch (undici)";
  if (url.includes("scripts/bench")) return "the bench's server and loop";
  if (url.startsWith("node:")) return "Node internals (http server, sockets, streams, timers)";
  if (url === "") return "V8 builtins (JSON, RegExp, …)";
  return "other";
}

/** Profiles `calls` calls of `call`, one after another, sampling every 50 µs. */
export async function profile(call: Call, calls: number): Promise<ProfileSummary> {
  const session = new Session();
  session.connect();
  try {
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: 50 });
    await session.post("Profiler.start");
    for (let i = 0; i < calls; i++) await call();
    const { profile: taken } = await session.post("Profiler.stop");
    const nodes = new Map<number, ProfileNode>(
      (taken.nodes as ProfileNode[]).map((node) => [node.id, node]),
    );
    const perCall = Object.fromEntries(buckets.map((bucket) => [bucket, 0])) as Record<
      Bucket,
      number
    >;
    const own = new Map<string, number>();
    const samples = taken.samples ?? [];
    const deltas = taken.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      const frame = nodes.get(samples[i] ?? -1)?.callFrame;
      if (!frame) continue;
      const us = (deltas[i] ?? 0) / calls;
      const bucket = bucketOf(frame);
      perCall[bucket] += us;
      if (bucket === "the client (dist/)") {
        const fn = `${frame.functionName || "(anonymous)"} (${frame.url.slice(frame.url.lastIndexOf("/") + 1)}:${frame.lineNumber + 1})`;
        own.set(fn, (own.get(fn) ?? 0) + us);
      }
    }
    const top = [...own]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([fn, us]) => ({ fn, us }));
    return { perCall, top };
  } finally {
    session.disconnect();
  }
}
