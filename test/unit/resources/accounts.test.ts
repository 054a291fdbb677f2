// The accounts and account memberships resources: what goes on the wire and what comes back. The
// operation helper, the checks and the envelope have their own tests; here only what a user of
// these methods would notice.
import { describe, expect, it } from "vitest";
import { HsrcpayInvalidResponseError, HsrcpayValidationError } from "../../../src/index.js";
import { clientWith } from "../../helpers/client-with.js";
import { accountData, membershipData, sandboxParams } from "../../helpers/fixtures/accounts.js";
import { json } from "../../helpers/observed-fetch.js";
import { rejectionOf } from "../../helpers/rejection.js";

const ok = (data: unknown, status = 200) =>
  json(status, { message: "success", success: true, data });

describe("accounts", () => {
  it("list: GET /accounts/ with no query, every account in one page that iterates", async () => {
    const sandbox = { ...accountData, id: "acct_sandbox", prod_account_id: accountData.id };
    const { hsrcpay, calls } = clientWith(() => ok([accountData, sandbox]));
    const page = await hsrcpay.accounts.list();
    expect(calls.map((c) => `${c.method} ${c.url.pathname}${c.url.search}`)).toEqual([
      "GET /v1/accounts/",
    ]);
    expect(calls[0]?.headers.get("idempotency-key")).toBeNull();
    expect(page).toMatchObject({ total: 2, page: 1, pages: 1, limit: 2 });
    expect(page.hasNextPage()).toBe(false);
    const ids: string[] = [];
    for await (const account of hsrcpay.accounts.list()) ids.push(account.id);
    expect(ids).toEqual([accountData.id, "acct_sandbox"]);
  });

  it("retrieve: the id as one encoded segment; the account with lastResponse", async () => {
    const { hsrcpay, calls } = clientWith(() => ok(accountData));
    const account = await hsrcpay.accounts.retrieve("acct/1?x");
    expect(calls[0]?.url.pathname).toBe("/v1/accounts/acct%2F1%3Fx");
    expect(account).toEqual(accountData);
    expect(account.lastResponse.status).toBe(200);
  });

  it("create: a sandbox sends sandbox_mode and prod_account_id in the query, the rest as the body, with an Idempotency-Key", async () => {
    const { hsrcpay, calls } = clientWith(() => ok(accountData, 201));
    await hsrcpay.accounts.create(sandboxParams);
    const sent = calls[0];
    expect(sent?.method).toBe("POST");
    expect(sent?.url.pathname).toBe("/v1/accounts/");
    expect(Object.fromEntries(sent?.url.searchParams ?? [])).toEqual({
      sandbox_mode: "true",
      prod_account_id: accountData.id,
    });
    expect(JSON.parse(sent?.body ?? "")).toEqual({
      name: "Acme Store sandbox",
      country: "US",
      currency: "USD",
      timezone: "Europe/Istanbul",
    });
    expect(sent?.headers.get("idempotency-key")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("create: a name is required, and an unknown field is refused naming it, before anything is sent", async () => {
    const { hsrcpay, calls } = clientWith(() => ok(accountData));
    const missing = await rejectionOf(hsrcpay.accounts.create({} as { name: string }));
    expect(missing).toMatchObject({ field: "name", message: "name is required" });
    const typo = await rejectionOf(
      hsrcpay.accounts.create({ name: "x", timzone: "UTC" } as { name: string }),
    );
    expect(typo).toBeInstanceOf(HsrcpayValidationError);
    expect((typo as Error).message).toBe(
      "timzone is not a field of POST /accounts/ (expected sandbox_mode, prod_account_id, name, country, currency, timezone)",
    );
    expect(calls).toHaveLength(0);
  });

  it("update: a PUT of only the fields given (a partial update), the id in the path", async () => {
    const { hsrcpay, calls } = clientWith(() => ok({ ...accountData, name: "EU" }));
    const account = await hsrcpay.accounts.update(accountData.id, { name: "EU", metadata: {} });
    expect(calls[0]?.method).toBe("PUT");
    expect(calls[0]?.url.pathname).toBe(`/v1/accounts/${accountData.id}`);
    expect(JSON.parse(calls[0]?.body ?? "")).toEqual({ name: "EU", metadata: {} });
    expect(account.name).toBe("EU");
  });

  it("update: fields left undefined are not sent; an empty update sends {}", async () => {
    const { hsrcpay, calls } = clientWith(() => ok(accountData));
    await hsrcpay.accounts.update(accountData.id, { name: undefined } as never);
    expect(calls[0]?.body).toBe("{}");
  });

  it("update: an id in the params cannot replace the one in the path: it is refused", async () => {
    const { hsrcpay, calls } = clientWith(() => ok(accountData));
    const error = await rejectionOf(
      hsrcpay.accounts.update(accountData.id, { id: "acct_other" } as { name?: string }),
    );
    expect(error).toMatchObject({ field: "id" });
    expect(calls).toHaveLength(0);
  });

  it("delete: { id, deleted: true } from the void envelope; a retried delete that finds it gone resolves", async () => {
    const { hsrcpay, calls } = clientWith(
      (_, i) =>
        i === 0
          ? json(503, { message: "busy", success: false, error: { code: 503, message: "busy" } })
          : json(404, { message: "gone", success: false, error: { code: 404, message: "gone" } }),
      { maxRetries: 1 },
    );
    const deleted = await hsrcpay.accounts.delete(accountData.id);
    expect(deleted).toEqual({ id: accountData.id, deleted: true });
    expect(deleted.lastResponse.status).toBe(404);
    expect(calls.map((c) => c.method)).toEqual(["DELETE", "DELETE"]);
  });

  it("retrieve: data that is not an account (no id) is an invalid response", async () => {
    const { hsrcpay } = clientWith(() => ok({ name: "x" }));
    expect(await rejectionOf(hsrcpay.accounts.retrieve(accountData.id))).toBeInstanceOf(
      HsrcpayInvalidResponseError,
    );
  });

  it.each([".", "..", "", " "])("retrieve(%j) is refused before anything is sent", async (id) => {
    const { hsrcpay, calls } = clientWith(() => ok(accountData));
    const error = await rejectionOf(hsrcpay.accounts.retrieve(id));
    expect(error).toMatchObject({ field: "id" });
    expect(calls).toHaveLength(0);
  });
});

describe("account memberships", () => {
  it("list: account_id in the query, every membership in one page", async () => {
    const { hsrcpay, calls } = clientWith(() => ok([membershipData]));
    const page = await hsrcpay.accountMemberships.list({ account_id: accountData.id });
    expect(calls[0]?.url.pathname).toBe("/v1/account-memberships/");
    expect(calls[0]?.url.searchParams.get("account_id")).toBe(accountData.id);
    expect(page.data).toEqual([membershipData]);
  });

  it("list without account_id rejects (it does not throw), naming it", async () => {
    const { hsrcpay, calls } = clientWith(() => ok([]));
    const list = hsrcpay.accountMemberships.list({} as { account_id: string });
    expect(await rejectionOf(list)).toMatchObject({ field: "account_id" });
    expect(calls).toHaveLength(0);
  });

  it.each([
    ["by workspace membership", { workspace_membership_id: "wmem_1" }],
    ["by email", { email: "partner@agency.example" }],
  ])("create %s: account_id in the query, the rest as the body", async (_, who) => {
    const { hsrcpay, calls } = clientWith(() => ok(membershipData, 201));
    const membership = await hsrcpay.accountMemberships.create({
      account_id: accountData.id,
      ...who,
      permissions: ["account:account:read"],
    } as Parameters<typeof hsrcpay.accountMemberships.create>[0]);
    expect(calls[0]?.url.searchParams.get("account_id")).toBe(accountData.id);
    expect(JSON.parse(calls[0]?.body ?? "")).toEqual({
      ...who,
      permissions: ["account:account:read"],
    });
    expect(membership.lastResponse.status).toBe(201);
  });

  it.each([
    ["neither", {}],
    ["both", { workspace_membership_id: "wmem_1", email: "a@b.example" }],
  ])("create with %s of workspace_membership_id and email is refused", async (_, who) => {
    const { hsrcpay, calls } = clientWith(() => ok(membershipData));
    const error = await rejectionOf(
      hsrcpay.accountMemberships.create({ account_id: accountData.id, ...who } as never),
    );
    expect(error).toBeInstanceOf(HsrcpayValidationError);
    expect((error as Error).message).toBe(
      "params must have exactly one of: workspace_membership_id, email",
    );
    expect(calls).toHaveLength(0);
  });

  it("update: a PUT of the permission list to the membership's path", async () => {
    const { hsrcpay, calls } = clientWith(() => ok(membershipData));
    await hsrcpay.accountMemberships.update(membershipData.id, { permissions: ["x:y:z"] });
    expect(`${calls[0]?.method} ${calls[0]?.url.pathname}`).toBe(
      `PUT /v1/account-memberships/${membershipData.id}`,
    );
    expect(JSON.parse(calls[0]?.body ?? "")).toEqual({ permissions: ["x:y:z"] });
  });

  it("update: a permission that is not a string is refused, naming its index", async () => {
    const { hsrcpay } = clientWith(() => ok(membershipData));
    const error = await rejectionOf(
      hsrcpay.accountMemberships.update(membershipData.id, { permissions: ["a", 1] } as never),
    );
    expect(error).toMatchObject({
      field: "permissions[1]",
      message: "permissions[1] must be a string",
    });
  });
});
