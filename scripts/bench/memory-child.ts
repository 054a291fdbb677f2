// Makes one write (argv[2]: "client" or "raw fetch") 50,000 times on the loopback server and
// reports the heap after a full GC at 1,000 and at 50,000 calls. Needs --expose-gc. The write is
// the object write the loopback section measures: the client's call, or raw fetch sending what the
// client sent.
import { newClient, peers, startServer } from "./harness.js";
import { chooseOperations } from "./loopback.js";

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with --expose-gc");

function heapMiB(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

const server = await startServer();
const hsrcpay = newClient(server.baseUrl);
const chosen = await chooseOperations(server.baseUrl);
const write = chosen.find(({ operation }) => operation.kind === "object" && operation.write);
if (!write) throw new Error("no object write to measure");
const call =
  process.argv[2] === "raw fetch"
    ? peers(server.baseUrl)(write.sent)["raw fetch"]
    : () => write.operation.call(hsrcpay);
let done = 0;
const runUntil = async (n: number) => {
  for (; done < n; done++) await call();
};
await runUntil(1_000);
const after1kMiB = heapMiB();
await runUntil(50_000);
const after50kMiB = heapMiB();
server.stop();
process.send?.({ operation: write.operation.name, after1kMiB, after50kMiB });
process.disconnect?.();
