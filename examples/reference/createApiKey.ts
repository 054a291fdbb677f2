import { createHsrcpayClient } from "@hsrcpay/client";

const hsrcpay = createHsrcpayClient({ token: process.env.HSRCPAY_API_KEY });

// Retries of this call reuse one Idempotency-Key, so a retried create cannot mint two keys.
const apiKey = await hsrcpay.apiKeys.create({
  account_id: "acct_1PqR7sT2uV3wX4yZ",
  name: "CI deploy",
  permissions: { payments: ["read", "create"] },
  expires_at: "2027-12-31T23:59:59Z",
});

// apiKey.key is the plaintext secret, in this response only: store it in a secret manager.
console.log(apiKey.id, apiKey.type, apiKey.status, apiKey.lastResponse.status);
