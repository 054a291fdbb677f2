// The one client-with-handler helper: a client whose `fetch` is an observed handler, so a test says
// what the server answers and reads what went on the wire.
import { createHsrcpayClient, type HsrcpayClientOptions } from "../../src/index.js";
import { token } from "./fixtures.js";
import { type Handler, observedFetch } from "./observed-fetch.js";

export const testBaseUrl = "https://api.test/v1";

export function clientWith(handler: Handler, options: HsrcpayClientOptions = {}) {
  const fetch = observedFetch(handler);
  const hsrcpay = createHsrcpayClient({ token, baseUrl: testBaseUrl, fetch, ...options });
  return { hsrcpay, calls: fetch.calls };
}
