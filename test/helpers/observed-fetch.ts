// An injected `fetch` that records what the client sends and answers from a handler, in the manner
// of openapi-fetch's createObservedClient: no global is patched.
import type { components } from "../../generated/schema.js";

export interface SentRequest {
  url: URL;
  method: string;
  headers: Headers;
  body: string | undefined;
  signal: AbortSignal | undefined;
}

export type Handler = (request: SentRequest, index: number) => Response | Promise<Response>;

export function observedFetch(handler: Handler): typeof fetch & { calls: SentRequest[] } {
  const calls: SentRequest[] = [];
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request: SentRequest = {
      url: new URL(input instanceof Request ? input.url : String(input)),
      method: init?.method ?? "GET",
      headers: new Headers(init?.headers),
      body: typeof init?.body === "string" ? init.body : undefined,
      signal: init?.signal ?? undefined,
    };
    calls.push(request);
    return handler(request, calls.length - 1);
  };
  return Object.assign(fetchImpl, { calls });
}

export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

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

export function created(status = 201, headers: Record<string, string> = {}): Response {
  return json(status, { message: "success", success: true, data: apiKeyData }, headers);
}

export function failure(
  status: number,
  message = "Something failed",
  headers: Record<string, string> = {},
): Response {
  return json(
    status,
    { message, success: false, error: { code: status, message, details: { hint: "x" } } },
    headers,
  );
}

export const token = "sk_test_4eC39HqLyjWDarjtT1zdp7dc9f2c";
export const params = {
  account_id: "acct_1PqR7sT2uV3wX4yZ",
  name: "CI deploy",
  permissions: { payments: ["read"] },
};
