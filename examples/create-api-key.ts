// The README quickstart: create an API key and show what a user needs to see. `npm start` runs it
// against the Prism mock; set HSRCPAY_BASE_URL and HSRCPAY_API_KEY to run it against a real server.
import { createHsrcpayClient, HsrcpayError } from "../src/index.js";

const hsrcpay = createHsrcpayClient({
  token: process.env.HSRCPAY_API_KEY, // sk_test_… keys work in the sandbox
  baseUrl: process.env.HSRCPAY_BASE_URL || undefined, // default: https://api.hsrcpay.com/v1
});

try {
  const apiKey = await hsrcpay.apiKeys.create({
    account_id: process.env.HSRCPAY_ACCOUNT_ID ?? "acct_1PqR7sT2uV3wX4yZ",
    name: "CI deploy",
    permissions: { payments: ["read", "create"] },
  });
  const { status, requestId, idempotencyKey } = apiKey.lastResponse;
  console.log(`Created API key ${apiKey.id} (${apiKey.type}, ${apiKey.status})`);
  console.log(
    `  credential used: ${hsrcpay.credential?.kind} key, ${hsrcpay.credential?.mode} mode`,
  );
  console.log(
    `  HTTP ${status}, request id ${requestId ?? "(none sent)"}, idempotency key ${idempotencyKey}`,
  );
  console.log(
    `  secret: ${apiKey.key.slice(0, 8)}…${apiKey.key.slice(-4)} (shown once: store it in a secret manager now)`,
  );
} catch (error) {
  if (!(error instanceof HsrcpayError)) throw error;
  console.error(`Could not create the key: ${error.name}: ${error.message}`);
  process.exitCode = 1;
}
