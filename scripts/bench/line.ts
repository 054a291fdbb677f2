// Everything `npm run bench` measures on one Node line, in a child process of that line: the
// loopback pairs with the server in its own process and in the client's, and, when asked, a CPU
// profile of each operation and of its floor. Prints `LineResult` as JSON on its last line.
import { clientCalls, newClient, peers, startServer } from "./harness.js";
import { chooseOperations, type LoopbackRow, loopback } from "./loopback.js";
import { type ProfileSummary, profile } from "./profile.js";

export interface OperationProfile {
  operation: string;
  client: ProfileSummary;
  floor: ProfileSummary;
}

export interface LineResult {
  version: string;
  rows: LoopbackRow[];
  rowsInProcess: LoopbackRow[];
  profiles: OperationProfile[];
}

const calls = Number(process.argv[2] ?? 2_000);
const withProfiles = process.argv[3] === "profile";

async function profiles(): Promise<OperationProfile[]> {
  const server = await startServer(true);
  try {
    const hsrcpay = newClient(server.baseUrl);
    const peersOf = peers(server.baseUrl);
    const out: OperationProfile[] = [];
    for (const { operation, sent } of await chooseOperations(server.baseUrl)) {
      const [, call] = Object.entries(clientCalls(hsrcpay, operation, sent))[0] ?? [];
      const floor = peersOf(sent)["guarded floor"];
      if (!call) continue;
      for (let i = 0; i < 300; i++) await Promise.all([call(), floor()]); // warm-up
      out.push({
        operation: operation.name,
        client: await profile(call, calls),
        floor: await profile(floor, calls),
      });
    }
    return out;
  } finally {
    server.stop();
  }
}

const result: LineResult = {
  version: process.version,
  rows: await loopback(calls),
  rowsInProcess: await loopback(calls, true),
  profiles: withProfiles ? await profiles() : [],
};
console.log(JSON.stringify(result));
