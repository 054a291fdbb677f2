// 1. Per-request cost on loopback. Each of the client's calls is measured in a pair with one peer
// at a time, the two alternating call by call (AB, BA, …) after a warm-up: a third variant in the
// rotation (axios, say) would leave its garbage and sockets to whichever call follows it.
import {
  assertSuccess,
  baselines,
  type Call,
  clientCalls,
  libraries,
  newClient,
  type Peer,
  peers,
  percentile,
  startServer,
} from "./harness.js";
import {
  allOperations,
  type BenchedOperation,
  holdsSecrets,
  onePerKind,
  record,
} from "./operations.js";

export interface LoopbackRow {
  /** The operation, as `onePerKind` chose it. */
  operation: string;
  /** The client's call: the resource method, or `raw.POST …`. */
  variant: string;
  peer: Peer;
  medianUs: number;
  p99Us: number;
  peerMedianUs: number;
  /** The variant's median over the peer's, both from this pair's run. */
  ratio: number;
}

/** Times two calls alternately and returns both sorted sample lists, in microseconds. */
export async function pair(a: Call, b: Call, calls: number, warmup: number) {
  const both = [a, b];
  const samples: number[][] = [[], []];
  for (let i = 0; i < warmup + calls; i++) {
    for (let j = 0; j < 2; j++) {
      const which = (i + j) % 2; // AB, then BA: neither always goes first
      const started = performance.now();
      await both[which]?.();
      const elapsed = performance.now() - started;
      if (i >= warmup) samples[which]?.push(elapsed * 1000);
    }
  }
  return samples.map((list) => list.sort((x, y) => x - y)) as [number[], number[]];
}

/**
 * The operations the bench measures, with their recorded requests: those named in BENCH_OPERATIONS
 * (operationIds, comma-separated: `npm run bench` chooses once and hands its choice to every Node
 * line, so that each line measures the same ones), every one under BENCH_ALL=1, or else one read
 * and one write per call kind.
 */
export async function chooseOperations(baseUrl: string) {
  const named = process.env.BENCH_OPERATIONS?.split(",").filter(Boolean);
  const all = allOperations().filter(
    (operation) => !named?.length || named.includes(operation.operationId),
  );
  const client = (fetchImpl: typeof fetch) => newClient(baseUrl, fetchImpl);
  const recorded = new Map<BenchedOperation, Awaited<ReturnType<typeof record>>>();
  for (const operation of all) recorded.set(operation, await record(operation, baseUrl, client));
  const weight = (operation: BenchedOperation) => {
    const made = recorded.get(operation);
    return (made?.sent.body?.length ?? 0) + (made?.answer.body.byteLength ?? 0);
  };
  const secrets = (operation: BenchedOperation) => holdsSecrets(recorded.get(operation)?.sent.body);
  const chosen =
    named?.length || process.env.BENCH_ALL === "1" ? all : onePerKind(all, weight, secrets);
  return chosen.map((operation) => {
    const sent = recorded.get(operation)?.sent;
    if (!sent) throw new Error(`${operation.name} was not recorded`);
    return { operation, sent };
  });
}

export async function loopback(calls = 2_000, inProcess = false, warmup = 300) {
  const server = await startServer(inProcess);
  try {
    const hsrcpay = newClient(server.baseUrl);
    const peersOf = peers(server.baseUrl);
    const rows: LoopbackRow[] = [];
    for (const { operation, sent } of await chooseOperations(server.baseUrl)) {
      const others = peersOf(sent);
      for (const [variant, call] of Object.entries(clientCalls(hsrcpay, operation, sent))) {
        assertSuccess(variant, await call());
        for (const peer of [...baselines, ...libraries]) {
          const other = others[peer];
          assertSuccess(`${peer} for ${operation.name}`, await other());
          const [own, theirs] = await pair(call, other, calls, warmup);
          const medianUs = percentile(own, 50);
          const peerMedianUs = percentile(theirs, 50);
          rows.push({
            operation: operation.name,
            variant,
            peer,
            medianUs,
            p99Us: percentile(own, 99),
            peerMedianUs,
            ratio: medianUs / peerMedianUs,
          });
        }
      }
    }
    return rows;
  } finally {
    server.stop();
  }
}
