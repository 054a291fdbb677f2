// The one set of test data: a token, valid params, a created key and the envelopes around it.
import type { components } from "../../generated/schema.js";

type ErrorEnvelope = components["schemas"]["ErrorEnvelope"];

export const token = "sk_test_4eC39HqLyjWDarjtT1zdp7dc9f2c";

export const params = {
  account_id: "acct_1PqR7sT2uV3wX4yZ",
  name: "CI deploy",
  permissions: { payments: ["read"] },
};

export const apiKeyData = {
  object: "api_key",
  id: "key_9xT2mQ4rL7vN1bZ8",
  account_id: "acct_1PqR7sT2uV3wX4yZ",
  name: "CI deploy",
  type: "SECRET",
  key: "sk_test_51PqR7sT2uV3wX4yZaBcDeFgHiJkLmNoPq9f2c",
  last_used_ip: null,
  metadata: {},
  permissions: { payments: ["read"] },
  status: "ACTIVE",
  last_used_at: null,
  expires_at: null,
  managed: false,
  deleted: false,
  created_at: "2026-11-26T09:30:00Z",
  updated_at: "2026-11-26T09:30:00Z",
} satisfies components["schemas"]["ApiKey"];

/** HSRCPAY's success envelope around `data`. */
export function successEnvelope(data: unknown = apiKeyData) {
  return { message: "success", success: true, data };
}

/** HSRCPAY's error envelope, with `code` mirroring the status. */
export function errorEnvelope(
  status: number,
  message = "Something failed",
  details: Record<string, unknown> = { hint: "x" },
): ErrorEnvelope {
  return { message, success: false, error: { code: status, message, details } };
}
