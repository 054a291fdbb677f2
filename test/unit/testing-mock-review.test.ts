// The review of @hsrcpay/client/testing (#22): each test is a place where the mock broke a README
// promise or would have misled the test of a user's code; each failed on the first version (fdae898).
import { describe, expect, it } from "vitest";
import { createHsrcpayClient } from "../../src/index.js";
import { createHsrcpayMock } from "../../src/testing/index.js";

const base = "https://api.hsrcpay.com/v1";
const token = "sk_test_mockreview00000000000001";
const auth = { authorization: `Bearer ${token}` };

describe("scripted outcomes are answered as scripted, never as silent retries or network errors", () => {
  it("a handler that throws (a failed expect inside it) does not let the call succeed", async () => {
    const mock = createHsrcpayMock().on("getPayment", {
      handler: () => {
        throw new Error("assertion failed inside the handler");
      },
    });
    const hsrcpay = createHsrcpayClient({ token, fetch: mock.fetch });
    const settled = await hsrcpay.payments.retrieve("pay_1").then(
      () => "succeeded",
      (error: unknown) => error,
    );
    // As reviewed: the throw is taken for a dropped connection, retried, and the retry gets the
    // documented success: the user's test passes with its assertion failed.
    expect(settled).not.toBe("succeeded");
  });

  it("a scripted 204 answers 204, instead of throwing inside fetch and being retried", async () => {
    const mock = createHsrcpayMock().on("deleteAccount", { status: 204 });
    const hsrcpay = createHsrcpayClient({ token, fetch: mock.fetch });
    await hsrcpay.accounts.delete("acct_1").catch(() => undefined);
    // As reviewed: `new Response(body, { status: 204 })` throws, the client retries, and the
    // second attempt gets the documented 200: the 204 the test asked for is never seen.
    expect(mock.calls).toHaveLength(1);
  });

  it("Prefer: code=999 is answered (refused), not reported as 'Could not reach HSRCPAY'", async () => {
    const mock = createHsrcpayMock();
    await expect(
      mock.fetch(`${base}/accounts/`, { headers: { ...auth, prefer: "code=999" } }),
    ).resolves.toBeInstanceOf(Response);
  });

  it("custom headers replace the mock's own whatever their case, not join them", async () => {
    const mock = createHsrcpayMock().on("getPayment", {
      status: 404,
      headers: { "X-Request-Id": "req_custom", "Content-Type": "text/html" },
      body: "<html>not found</html>",
    });
    const response = await mock.fetch(`${base}/payments/pay_1`, { headers: auth });
    // As reviewed: "req_mock_1, req_custom" and "application/json, text/html".
    expect(response.headers.get("x-request-id")).toBe("req_custom");
    expect(response.headers.get("content-type")).toBe("text/html");
  });
});

describe("requests the spec does not allow are violations", () => {
  it("a scalar query parameter sent twice is a violation, and calls do not hide the first", async () => {
    const mock = createHsrcpayMock();
    await mock.fetch(`${base}/payments/?limit=1&limit=2`, { headers: auth });
    // As reviewed: answered 200, no violation, and calls[0].query is { limit: "2" }.
    expect(mock.violations.map((v) => v.field)).toEqual(["limit"]);
  });

  it("a write whose required request body is missing is a violation", async () => {
    const mock = createHsrcpayMock();
    const hsrcpay = createHsrcpayClient({ token, fetch: mock.fetch });
    // PUT /accounts/{id} declares `requestBody: required: true`.
    const { response } = await hsrcpay.raw.PUT("/accounts/{id}", {
      params: { path: { id: "acct_1" } },
    } as never);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(mock.violations.map((v) => v.operationId)).toEqual(["updateAccount"]);
  });

  it("a JSON body sent as text/plain (the spec takes application/json only) is a violation", async () => {
    const mock = createHsrcpayMock();
    await mock.fetch(`${base}/payments/`, {
      method: "POST",
      headers: { ...auth, "idempotency-key": "k-1", "content-type": "text/plain" },
      body: JSON.stringify({ amount: 12500, currency: "USD" }),
    });
    expect(mock.violations).toHaveLength(1);
  });

  it("a body on a GET, which fetch itself refuses, is not answered 200 without a violation", async () => {
    const mock = createHsrcpayMock();
    const status = await mock
      .fetch(`${base}/payments/`, { method: "GET", headers: auth, body: "{}" })
      .then(
        (response) => response.status,
        () => "rejected",
      );
    expect({ status, violations: mock.violations.length }).not.toEqual({
      status: 200,
      violations: 0,
    });
  });
});

describe("requests the spec allows are answered", () => {
  it("a lower-case `bearer` scheme (HTTP auth schemes are case-insensitive) is accepted", async () => {
    const mock = createHsrcpayMock();
    const response = await mock.fetch(`${base}/accounts/`, {
      headers: { authorization: `bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(mock.violations).toEqual([]);
  });
});

describe("seeded lists", () => {
  it("an item the client cannot read (no id) is refused by seed, not blamed on HSRCPAY later", () => {
    // As reviewed: seed takes it, and the list call fails with HsrcpayInvalidResponseError
    // "HSRCPAY answered 200 with an envelope without the expected data".
    expect(() => createHsrcpayMock().seed("listPayments", [{ status: "SUCCEEDED" }])).toThrow();
  });
});
