// A size budget, not a timing: bytes are the same on every machine.
import { describe, expect, it } from "vitest";
import {
  clientBundleSize,
  gzipBudgetBytes,
  openapiFetchBundleSize,
} from "../../scripts/bundle-size.js";
import { repoRoot } from "../helpers/repo-root.js";

describe("the ESM bundle", () => {
  it(`stays within ${gzipBudgetBytes} bytes gzipped, openapi-fetch included`, async () => {
    const [client, openapiFetch] = await Promise.all([
      clientBundleSize(repoRoot),
      openapiFetchBundleSize(repoRoot),
    ]);
    expect(client.gzipped).toBeGreaterThan(openapiFetch.gzipped); // it did bundle openapi-fetch in
    expect(client.gzipped).toBeLessThanOrEqual(gzipBudgetBytes);
  });
});
