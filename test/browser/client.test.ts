// The ESM build of the client, loaded in a real page, against the Prism mock (which answers CORS).
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PrismMock, startPrism } from "../../scripts/prism.js";
import { launchChromium } from "./chromium.js";
import { type ClientPage, openClientPage } from "./client-page.js";

let browser: Browser;
let mock: PrismMock;
let clientPage: ClientPage;
let page: Page;

beforeAll(async () => {
  mock = await startPrism();
  browser = await launchChromium();
  clientPage = await openClientPage(browser);
  page = clientPage.page;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await mock?.stop();
  await clientPage?.close();
});

/** Creates a key in the page; returns what the page saw, as plain data. */
function createInPage(token: string, dangerouslyAllowBrowser: boolean) {
  return page.evaluate(
    async ({ token, baseUrl, dangerouslyAllowBrowser }) => {
      const { createHsrcpayClient, HsrcpayError } = (
        window as unknown as { hsrcpay: typeof import("../../src/index.js") }
      ).hsrcpay;
      try {
        const client = createHsrcpayClient({ token, baseUrl, dangerouslyAllowBrowser });
        const apiKey = await client.apiKeys.create(
          {
            account_id: "acct_1PqR7sT2uV3wX4yZ",
            name: "Browser key",
            permissions: { payments: ["read"] },
          },
          { headers: { Prefer: "code=201" } },
        );
        return {
          ok: true,
          id: apiKey.id,
          object: apiKey.object,
          status: apiKey.lastResponse.status,
          credential: client.credential,
        };
      } catch (error) {
        return {
          ok: false,
          isHsrcpayError: error instanceof HsrcpayError,
          name: (error as Error).name,
          message: (error as Error).message,
        };
      }
    },
    { token, baseUrl: mock.baseUrl, dangerouslyAllowBrowser },
  );
}

describe("the ESM build in Chromium", () => {
  it("creates a key against the mock with a JWT and gets a typed result", async () => {
    const result = await createInPage(
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhY2N0In0.c2lnbmF0dXJl",
      false,
    );
    expect(result).toEqual({
      ok: true,
      id: "key_4hW8pK2sD6fG0jL3",
      object: "api_key",
      status: 201,
      credential: { kind: "jwt", mode: "live" },
    });
  });

  it("refuses a secret key", async () => {
    const result = await createInPage("sk_test_4eC39HqLyjWDarjtT1zdp7dc", false);
    expect(result).toMatchObject({ ok: false, isHsrcpayError: true, name: "HsrcpayError" });
    expect(result.message).toMatch(/Refusing to use a secret HSRCPAY key in a browser/);
  });

  it("uses a secret key when dangerouslyAllowBrowser is set", async () => {
    const result = await createInPage("sk_test_4eC39HqLyjWDarjtT1zdp7dc", true);
    expect(result).toMatchObject({
      ok: true,
      status: 201,
      credential: { kind: "secret", mode: "sandbox" },
    });
  });

  it("takes a payment through the in-process mock of @hsrcpay/client/testing, no server at all", async () => {
    const result = await page.evaluate(async () => {
      const { hsrcpay, hsrcpayTesting } = window as unknown as {
        hsrcpay: typeof import("../../src/index.js");
        hsrcpayTesting: typeof import("../../src/testing/index.js");
      };
      const mock = hsrcpayTesting.createHsrcpayMock().on("confirmPayment", { status: 409 });
      const client = hsrcpay.createHsrcpayClient({
        token: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhY2N0In0.c2lnbmF0dXJl",
        fetch: mock.fetch,
      });
      const payment = await client.payments.create({ amount: 12500, currency: "USD" });
      const conflict = await client.payments
        .confirm(payment.id, { payment_method: { id: "pm_1" } })
        .catch((error: unknown) => error);
      return {
        id: payment.id,
        status: payment.lastResponse.status,
        conflict: conflict instanceof hsrcpay.ConflictError,
        calls: mock.calls.map((call) => call.operationId),
        violations: mock.violations.length,
      };
    });
    expect(result).toEqual({
      id: "pay_7Hs2Kq9LmP4xR1tV",
      status: 200,
      conflict: true,
      calls: ["createPayment", "confirmPayment"],
      violations: 0,
    });
  });
});
