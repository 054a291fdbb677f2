// One payments.create with metadata the client must refuse, in its own process, for
// third-round.test.ts: a client that walks such metadata without end loops forever synchronously
// and runs out of memory, which no test inside the runner could survive. The parent runs the server
// (and counts what reached it) and kills this process if it does not answer in time:
//
//   node --max-old-space-size=512 --import tsx test/adversarial/third-round-child.ts <baseUrl> <case>
//
// <case> is `cycle` (metadata that contains itself) or `proxy` (a Proxy with no bottom). Prints one
// JSON line: what the call threw (`name`, `field` for a validation error, the message's start), or
// `{ "resolved": true }`.
import { createHsrcpayClient, HsrcpayValidationError } from "../../src/index.js";

export interface ThirdRoundChildResult {
  resolved?: true;
  name?: string;
  field?: string;
  message?: string;
}

const [baseUrl, caseName] = process.argv.slice(2);
if (!baseUrl || (caseName !== "cycle" && caseName !== "proxy")) {
  console.error("usage: third-round-child.ts <baseUrl> cycle|proxy");
  process.exit(2);
}

/** An object whose every property read is another such object: one key `x`, all the way down. */
function bottomless(): Record<string, unknown> {
  return new Proxy({} as Record<string, unknown>, {
    get: () => bottomless(),
    has: () => true,
    ownKeys: () => ["x"],
    getOwnPropertyDescriptor: () => ({
      value: bottomless(),
      enumerable: true,
      configurable: true,
      writable: true,
    }),
  });
}

function metadataFor(name: "cycle" | "proxy"): Record<string, unknown> {
  if (name === "proxy") return bottomless();
  const metadata: Record<string, unknown> = { a: 1 };
  metadata.self = metadata;
  return metadata;
}

const print = (result: ThirdRoundChildResult) => {
  process.stdout.write(`${JSON.stringify(result)}\n`);
};

const hsrcpay = createHsrcpayClient({
  token: "sk_test_Q7w2Er9Ty4Ui1Op6As3Df8Gh",
  baseUrl,
  maxRetries: 0,
  timeout: 5_000,
});
try {
  // Awaited inside the try: a refusal thrown at once and one the promise rejects with both count.
  await hsrcpay.payments.create({ amount: 100, currency: "USD", metadata: metadataFor(caseName) });
  print({ resolved: true });
} catch (error) {
  const e = error as { name?: unknown; message?: unknown };
  print({
    name: String(e?.name),
    ...(error instanceof HsrcpayValidationError ? { field: error.field.slice(0, 200) } : {}),
    message: String(e?.message).slice(0, 300),
  });
}
