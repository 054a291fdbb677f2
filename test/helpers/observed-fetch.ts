// An injected `fetch` that records what the client sends and answers from a handler, in the manner
// of openapi-fetch's createObservedClient: no global is patched.
import { errorEnvelope, successEnvelope } from "./fixtures.js";

export interface SentRequest {
  url: URL;
  method: string;
  headers: Headers;
  body: string | undefined;
  signal: AbortSignal | undefined;
  redirect: RequestRedirect | undefined;
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
      redirect: init?.redirect,
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

export function created(status = 201, headers: Record<string, string> = {}): Response {
  return json(status, successEnvelope(), headers);
}

export function failure(
  status: number,
  message = "Something failed",
  headers: Record<string, string> = {},
): Response {
  return json(status, errorEnvelope(status, message), headers);
}

/** Never answers; rejects with the signal's reason when the attempt is aborted. */
export const hang: Handler = ({ signal }) =>
  new Promise((_, reject) => signal?.addEventListener("abort", () => reject(signal.reason)));
