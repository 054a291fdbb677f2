// Runs around every contract test: any request the client made that Prism found out of spec fails
// the test that made it, whichever test that is.
import { afterEach, expect } from "vitest";
import { drainExchanges } from "./observed-client.js";

afterEach(() => {
  const flagged = drainExchanges()
    .filter((exchange) => exchange.violations !== null)
    .map((exchange) => `${exchange.method} ${exchange.url}: ${exchange.violations}`);
  expect(flagged, "requests Prism found out of spec").toEqual([]);
});
