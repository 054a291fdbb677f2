// Contract-suite clients: the real client over the real fetch, with an observer on every exchange.
// Prism reports each way a request breaks the spec in an `sl-violations` response header; every
// exchange is recorded, and no-violations.ts fails any test that drew one it did not expect. With
// `backend: "mock"` the same client talks to the in-process mock (@hsrcpay/client/testing) instead,
// whose recorded violations take the header's place: one suite holds both to the spec.
import { inject } from "vitest";
import { createHsrcpayClient, type HsrcpayClientOptions } from "../../src/index.js";
import { createHsrcpayMock } from "../../src/testing/index.js";

export interface Exchange {
  method: string;
  url: string;
  requestHeaders: Headers;
  status: number;
  body: string;
  violations: string | null;
}

/** Exchanges since the last drain, from clients that expect no violations. */
const unexpected: Exchange[] = [];

export function drainExchanges(): Exchange[] {
  return unexpected.splice(0);
}

export const sandboxToken = "sk_test_contract0000000000000000";

export function contractClient(
  options: HsrcpayClientOptions & {
    expectViolations?: boolean;
    transform?: (headers: Headers) => void;
    backend?: "prism" | "mock";
  } = {},
) {
  const exchanges: Exchange[] = [];
  const { expectViolations = false, transform, backend = "prism", ...clientOptions } = options;
  const mock =
    backend === "mock" ? createHsrcpayMock({ baseUrl: inject("prismBaseUrl") }) : undefined;
  const observed = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const headers = new Headers(init?.headers);
    transform?.(headers);
    const seen = mock?.violations.length ?? 0;
    const response = await (mock?.fetch ?? fetch)(input, { ...init, headers });
    const drawn = mock?.violations.slice(seen) ?? [];
    const exchange: Exchange = {
      method: init?.method ?? "GET",
      url: String(input),
      requestHeaders: headers,
      status: response.status,
      body: await response.clone().text(),
      violations: mock
        ? drawn.length > 0
          ? JSON.stringify(drawn)
          : null
        : response.headers.get("sl-violations"),
    };
    exchanges.push(exchange);
    if (!expectViolations) unexpected.push(exchange);
    return response;
  };
  const hsrcpay = createHsrcpayClient({
    token: sandboxToken,
    baseUrl: inject("prismBaseUrl"),
    maxRetries: 0,
    fetch: observed,
    ...clientOptions,
  });
  return { hsrcpay, exchanges, mock };
}
