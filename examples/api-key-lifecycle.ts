// The whole API-key lifecycle, as `npm start` shows it: find the accounts the token may act for and
// take the first (or HSRCPAY_ACCOUNT_ID), create a key, list the account's keys (iterating every
// page), regenerate a managed key, delete the key created here. Against the Prism mock by default;
// with HSRCPAY_BASE_URL and HSRCPAY_API_KEY against a real server, where the regenerate step runs
// only with HSRCPAY_DEMO_REGENERATE=1 (it would rotate a live managed key).
import { createHsrcpayClient, HsrcpayError } from "../src/index.js";

const hsrcpay = createHsrcpayClient({
  token: process.env.HSRCPAY_API_KEY, // sk_test_… keys work in the sandbox
  baseUrl: process.env.HSRCPAY_BASE_URL || undefined, // default: https://api.hsrcpay.com/v1
});
const masked = (secret: string) => `${secret.slice(0, 8)}…${secret.slice(-4)}`;

try {
  // 0. Accounts: every key belongs to one; the token says which it may act for.
  const accounts = await hsrcpay.accounts.list();
  for (const account of accounts.data) {
    const kind = account.prod_account_id ? `sandbox of ${account.prod_account_id}` : "production";
    console.log(`Account ${account.id} ${account.name} (${kind})`);
  }
  const account_id = process.env.HSRCPAY_ACCOUNT_ID || accounts.data[0]?.id;
  if (account_id === undefined) throw new HsrcpayError("The token may act for no account");
  console.log(`  using ${account_id}`);

  // 1. Create: the plaintext secret is in this response only.
  const apiKey = await hsrcpay.apiKeys.create({
    account_id,
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
  console.log(`  secret: ${masked(apiKey.key)} (shown once: store it in a secret manager now)`);

  // 2. List: `for await` walks every page; awaiting the call instead gives the first page.
  let managedId: string | undefined;
  let count = 0;
  for await (const key of hsrcpay.apiKeys.list({ account_id, limit: 50 })) {
    count++;
    if (key.managed) managedId ??= key.id;
    console.log(`Listed ${key.id} ${key.managed ? "managed" : "custom "} ${key.name}`);
  }
  console.log(`  ${count} key(s) in all`);

  // 3. Regenerate: managed keys only; custom keys are rotated by create + delete.
  const mayRotate =
    process.env.HSRCPAY_DEMO_MOCK === "1" || process.env.HSRCPAY_DEMO_REGENERATE === "1";
  if (managedId && mayRotate) {
    const rotated = await hsrcpay.apiKeys.regenerate(managedId);
    console.log(`Regenerated ${rotated.id}: new secret ${masked(rotated.key)} (shown once)`);
  } else {
    console.log(
      managedId
        ? `Skipped regenerating ${managedId}: set HSRCPAY_DEMO_REGENERATE=1 to rotate a live managed key`
        : "Skipped regenerate: the account has no managed key",
    );
  }

  // 4. Delete the key created above.
  const deleted = await hsrcpay.apiKeys.delete(apiKey.id);
  console.log(`Deleted ${deleted.id} (HTTP ${deleted.lastResponse.status})`);
} catch (error) {
  if (!(error instanceof HsrcpayError)) throw error;
  console.error(`The lifecycle stopped: ${error.name}: ${error.message}`);
  process.exitCode = 1;
}
