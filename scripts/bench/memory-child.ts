// Runs `raw fetch` or `apiKeys.create` (argv[2]) 50,000 times on the loopback server and reports the
// heap after a full GC at 1,000 and at 50,000 calls. Needs --expose-gc.
import { bodyText, params, startServer, token } from "./harness.js";

const { createHsrcpayClient } = (await import(
  new URL("../../dist/index.js", import.meta.url).href
)) as typeof import("../../src/index.js");
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with --expose-gc");

function heapMiB(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

const server = await startServer();
const hsrcpay = createHsrcpayClient({ token, baseUrl: server.baseUrl });
const url = `${server.baseUrl}/api-keys/?account_id=${params.account_id}`;
const init = {
  method: "POST",
  headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
  body: bodyText,
};
const call =
  process.argv[2] === "raw fetch"
    ? async () => (await fetch(url, init)).json()
    : () => hsrcpay.apiKeys.create(params);
let done = 0;
const runUntil = async (n: number) => {
  for (; done < n; done++) await call();
};
await runUntil(1_000);
const after1kMiB = heapMiB();
await runUntil(50_000);
const after50kMiB = heapMiB();
server.stop();
process.send?.({ after1kMiB, after50kMiB });
process.disconnect?.();
