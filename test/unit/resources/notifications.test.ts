// The notifications resource: what goes on the wire and what a user reads back.
import { describe, expect, it } from "vitest";
import { createHsrcpayClient } from "../../../src/index.js";
import { createHsrcpayMock } from "../../../src/testing/index.js";
import { clientWith } from "../../helpers/client-with.js";
import { token } from "../../helpers/fixtures.js";
import { json } from "../../helpers/observed-fetch.js";

describe("notifications", () => {
  it("list: one page holding every notification; the account in the query", async () => {
    const mock = createHsrcpayMock();
    const hsrcpay = createHsrcpayClient({ token, fetch: mock.fetch });
    const page = await hsrcpay.notifications.list({ account_id: "acct_1PqR7sT2uV3wX4yZ" });
    expect(page.data.map((n) => [n.id, n.type, n.archived_at])).toEqual([
      ["ntf_4Kl7Zx0Cv3Bn6Mq9", "payment.succeeded", null],
    ]);
    expect([page.pages, page.hasNextPage()]).toEqual([1, false]);
    expect(mock.calls[0]?.query).toEqual({ account_id: "acct_1PqR7sT2uV3wX4yZ" });
    mock.assertNoViolations();
  });

  it("archive and unarchive: POSTs with no body and one Idempotency-Key; the updated notification", async () => {
    const mock = createHsrcpayMock();
    const hsrcpay = createHsrcpayClient({ token, fetch: mock.fetch });
    const archived = await hsrcpay.notifications.archive("ntf_4Kl7Zx0Cv3Bn6Mq9");
    expect(archived.archived_at).toBe("2026-11-27T10:00:00Z");
    const unarchived = await hsrcpay.notifications.unarchive("ntf_4Kl7Zx0Cv3Bn6Mq9", {
      idempotencyKey: "unarchive-1",
    });
    expect(unarchived.archived_at).toBeNull();
    expect(unarchived.lastResponse.idempotencyKey).toBe("unarchive-1");
    expect(mock.calls.map((c) => `${c.method} ${c.path} ${c.body === undefined}`)).toEqual([
      "POST /notifications/ntf_4Kl7Zx0Cv3Bn6Mq9/archive true",
      "POST /notifications/ntf_4Kl7Zx0Cv3Bn6Mq9/unarchive true",
    ]);
    expect(mock.calls[0]?.headers["idempotency-key"]).toMatch(/^[0-9a-f-]{36}$/);
    mock.assertNoViolations();
  });

  it("a retried archive carries the same Idempotency-Key", async () => {
    const { hsrcpay, calls } = clientWith(
      (_request, index) =>
        index === 0
          ? json(503, { message: "busy", success: false, error: { code: 503, message: "busy" } })
          : json(200, {
              message: "success",
              success: true,
              data: {
                object: "notification",
                id: "ntf_1",
                user_id: null,
                account_id: "acct_1",
                type: "x",
                details: {},
                account: {
                  object: "account",
                  id: "acct_1",
                  user_id: "usr_1",
                  workspace_id: "wks_1",
                  name: "A",
                  country: "US",
                  prod_account_id: null,
                  timezone: "UTC",
                  settings: [],
                  currency: "USD",
                  deleted: false,
                  created_at: null,
                  updated_at: null,
                  metadata: {},
                },
                archived_at: "2026-11-27T10:00:00Z",
              },
            }),
      { maxRetries: 1 },
    );
    await hsrcpay.notifications.archive("ntf_1");
    expect(calls).toHaveLength(2);
    const keys = calls.map((call) => call.headers.get("idempotency-key"));
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);
  });
});
