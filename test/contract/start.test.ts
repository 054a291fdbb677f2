// `npm start`, the README's first command, as a newcomer runs it: against its own mock.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, inject, it } from "vitest";
import type { components } from "../../src/index.js";
import { repoRoot } from "../helpers/repo-root.js";
import { firstExample } from "../helpers/spec.js";

const run = promisify(execFile);

describe("npm start", () => {
  it("runs the key lifecycle, takes a payment and a hosted checkout on a mock it starts and stops itself, secrets masked", async () => {
    const env = { ...process.env, HSRCPAY_BASE_URL: "", HSRCPAY_API_KEY: "", HSRCPAY_LOG: "" };
    const { stdout, stderr } = await run(
      process.execPath,
      ["--import", "tsx", "scripts/start.ts"],
      {
        cwd: repoRoot,
        env,
        timeout: 60_000,
      },
    );
    const created = firstExample<components["schemas"]["ApiKeyEnvelope"]>("createApiKey", "200");
    const listed = firstExample<components["schemas"]["ApiKeyListEnvelope"]>("listApiKeys", "200");
    const rotated = firstExample<components["schemas"]["ApiKeyEnvelope"]>(
      "regenerateManagedApiKey",
      "200",
    );
    const accounts = firstExample<components["schemas"]["AccountListEnvelope"]>(
      "listAccounts",
      "200",
    );
    const masked = (secret: string) => `${secret.slice(0, 8)}…${secret.slice(-4)}`;
    for (const account of accounts.data) expect(stdout).toContain(`Account ${account.id}`);
    expect(stdout).toContain(`using ${accounts.data[0]?.id}`);
    expect(stdout).toContain(`Created API key ${created.data.id} (SECRET, ACTIVE)`);
    expect(stdout).toContain("secret key, sandbox mode");
    expect(stdout).toContain("HTTP 200");
    expect(stdout).toContain(`secret: ${masked(created.data.key)}`);
    expect(stdout).toContain("store it in a secret manager");
    for (const key of listed.data) expect(stdout).toContain(`Listed ${key.id}`);
    expect(stdout).toContain(`${listed.data.length} key(s) in all`);
    const managed = listed.data.find((key) => key.managed);
    expect(stdout).toContain(`Regenerated ${managed?.id}: new secret ${masked(rotated.data.key)}`);
    expect(stdout).toContain(`Deleted ${created.data.id} (HTTP 200)`);
    expect(stdout).not.toContain(created.data.key);
    expect(stdout).not.toContain(rotated.data.key);
    // The payment: created, confirmed into 3-D Secure, read again with its charges.
    const payment = firstExample<{ data: { id: string; status: string } }>("createPayment", "201");
    const confirm = firstExample<components["schemas"]["PaymentConfirmedEnvelope"]>(
      "confirmPayment",
      "200",
    );
    const read = firstExample<components["schemas"]["PaymentEnvelope"]>("getPayment", "200");
    expect(stdout).toContain(`Created payment ${payment.data.id}: 125.00 USD`);
    expect(stdout).toContain(`status ${payment.data.status}; no money has moved yet`);
    expect(stdout).toContain(`Confirmed: requires_action, payment ${confirm.data.payment.status}`);
    expect(stdout).toContain(
      `3-D Secure: redirect the payer to ${confirm.data.confirmResult.paymentNextAction?.url}`,
    );
    expect(stdout).toContain(`Read again: payment ${read.data.id} is ${read.data.status}`);
    for (const charge of read.data.charges ?? []) expect(stdout).toContain(`charge ${charge.id}`);
    // What it printed tells one story: a payment read as SUCCEEDED has a charge that went through
    // (captured the whole amount, no longer CREATED), and no value the client calls unknown.
    const { status, charges } = printedPayment(stdout);
    expect(status).toBe("SUCCEEDED");
    expect(charges.length).toBeGreaterThan(0);
    for (const charge of charges) expect(charge.status, charge.line).not.toBe("CREATED");
    expect(charges.map((charge) => charge.captured)).toContain("125.00 USD");
    expect(stdout + stderr).not.toContain("does not know");
    // The hosted checkout: a session opened with its token, confirmed by the token with a card.
    const opened = firstExample<components["schemas"]["CheckoutSessionEnvelope"]>(
      "createCheckoutSession",
      "200",
    );
    const paid = firstExample<components["schemas"]["CheckoutSessionEnvelope"]>(
      "confirmCheckoutSession",
      "200",
    );
    const sessionToken = opened.data.token ?? "";
    expect(sessionToken).not.toBe("");
    expect(stdout).toContain(`Opened checkout session ${opened.data.id}: 125.00 USD, PENDING`);
    expect(stdout).toContain(`token ${masked(sessionToken)} (a credential`);
    expect(stdout).toMatch(
      /^ {2}log: \[hsrcpay\] POST \/checkout-sessions\/token\/\[redacted\]\/confirm 200 after 1 attempt in \d+ ms/m,
    );
    expect(stdout).toContain(
      `Confirmed with card •••• 1111: session ${paid.data.id} is ${paid.data.status}, 125.00 USD`,
    );
    expect(stdout).toContain("fulfil on the checkout_session.completed webhook");
    // The token is a credential: printed masked, never whole, not even percent-encoded.
    expect(stdout + stderr).not.toContain(sessionToken);
    expect(stdout + stderr).not.toContain(encodeURIComponent(sessionToken));
    // The card number went to the mock, and nowhere in what the job printed.
    expect(stdout + stderr).not.toContain("4111111111111111");
    expect(stdout).toContain("Mock stopped.");
  });

  it("talks to HSRCPAY_BASE_URL with HSRCPAY_API_KEY instead, starting no mock; HSRCPAY_LOG=debug shows each attempt", async () => {
    const baseUrl = inject("prismBaseUrl"); // stands in for a real server
    const token = "pk_live_publishable000000000000";
    const env = {
      ...process.env,
      HSRCPAY_BASE_URL: baseUrl,
      HSRCPAY_API_KEY: token,
      HSRCPAY_LOG: "debug",
    };
    const { stdout } = await run(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      cwd: repoRoot,
      env,
      timeout: 60_000,
    });
    expect(stdout).toContain(
      `Running examples/api-key-lifecycle.ts, examples/take-a-payment.ts and examples/hosted-checkout.ts against ${baseUrl}`,
    );
    // A live key never gets a sandbox card.
    expect(stdout).toContain("Skipped the payment: it sends a sandbox card");
    expect(stdout).toContain("Skipped the checkout: it sends a sandbox card");
    expect(stdout).not.toContain("/checkout-sessions/");
    expect(stdout).not.toContain("POST /payments/");
    expect(stdout).not.toContain("Starting the Prism mock");
    expect(stdout).toContain("credential used: publishable key, live mode");
    // Against a server that is not the embedded mock, a live managed key is not rotated.
    expect(stdout).toContain("Skipped regenerating key_4hW8pK2sD6fG0jL3");
    expect(stdout).not.toContain("Regenerated");
    expect(stdout).toMatch(
      /^\[hsrcpay\] POST \/api-keys\/ attempt 1\/3: 200 in \d+ ms \(idempotency key [0-9a-f-]{36}\)$/m,
    );
    expect(stdout).toMatch(/^\[hsrcpay\] GET \/accounts\/ 200 after 1 attempt in \d+ ms$/m);
    expect(stdout).toMatch(/^\[hsrcpay\] GET \/api-keys\/ 200 after 1 attempt in \d+ ms$/m);
    expect(stdout).toMatch(
      /^\[hsrcpay\] DELETE \/api-keys\/key_9xT2mQ4rL7vN1bZ8 attempt 1\/3: 200/m,
    );
    expect(stdout).not.toContain(token);
  });
});

/** The payment `take-a-payment.ts` read again, and its charges, as the job printed them. */
function printedPayment(stdout: string) {
  const status = /^Read again: payment \S+ is (\S+)$/m.exec(stdout)?.[1];
  const charges = [...stdout.matchAll(/^ {2}charge \S+ attempt \d+: (\S+), captured (.+)$/gm)].map(
    ([line, chargeStatus, captured]) => ({ line, status: chargeStatus, captured }),
  );
  return { status, charges };
}
