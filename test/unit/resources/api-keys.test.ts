// The API keys resource: what goes on the wire and what comes back. The transport, the envelope and the
// params checks have their own tests; here only the resource's own work is checked.
import { describe, expect, it } from "vitest";
import {
  ConflictError,
  createHsrcpayClient,
  HsrcpayInvalidResponseError,
  HsrcpayValidationError,
  NotFoundError,
  UnprocessableEntityError,
} from "../../../src/index.js";
import { clientWith } from "../../helpers/client-with.js";
import { apiKeyData, params, token } from "../../helpers/fixtures.js";
import { created, failure, json, observedFetch } from "../../helpers/observed-fetch.js";
import { rejectionOf } from "../../helpers/rejection.js";

describe("apiKeys.create: the request", () => {
  it("posts the body to /api-keys/ with the account in the query and the bearer token", async () => {
    const { hsrcpay, calls } = clientWith(() => created());
    await hsrcpay.apiKeys.create({
      ...params,
      expires_at: "2027-12-31T23:59:59Z",
      metadata: { team: "x" },
    });
    expect(calls).toHaveLength(1);
    const [sent] = calls;
    expect(sent?.method).toBe("POST");
    expect(`${sent?.url.origin}${sent?.url.pathname}`).toBe("https://api.test/v1/api-keys/");
    expect(sent?.url.searchParams.get("account_id")).toBe(params.account_id);
    expect(sent?.headers.get("authorization")).toBe(`Bearer ${token}`);
    expect(sent?.headers.get("content-type")).toBe("application/json");
    expect(JSON.parse(sent?.body ?? "")).toEqual({
      name: "CI deploy",
      permissions: { payments: ["read"] },
      expires_at: "2027-12-31T23:59:59Z",
      metadata: { team: "x" },
    });
  });

  it("url-encodes account_id so reserved characters arrive intact", async () => {
    const { hsrcpay, calls } = clientWith(() => created());
    await hsrcpay.apiKeys.create({ ...params, account_id: "acct/1&x=2#y?z" });
    expect(calls[0]?.url.searchParams.get("account_id")).toBe("acct/1&x=2#y?z");
    expect([...(calls[0]?.url.searchParams.keys() ?? [])]).toEqual(["account_id"]);
  });

  it("sends a fresh UUID Idempotency-Key per call, or the caller's", async () => {
    const { hsrcpay, calls } = clientWith(() => created());
    await hsrcpay.apiKeys.create(params);
    await hsrcpay.apiKeys.create(params);
    await hsrcpay.apiKeys.create(params, { idempotencyKey: "order-42-key" });
    const keys = calls.map((c) => c.headers.get("idempotency-key"));
    expect(keys[0]).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(keys[1]).not.toBe(keys[0]);
    expect(keys[2]).toBe("order-42-key");
  });

  it("adds the caller's headers, and refuses an Authorization among them: the credential is the client's", async () => {
    const { hsrcpay, calls } = clientWith(() => created());
    await hsrcpay.apiKeys.create(params, { headers: { Prefer: "code=201" } });
    expect(calls[0]?.headers.get("prefer")).toBe("code=201");
    expect(calls[0]?.headers.get("authorization")).toBe(`Bearer ${token}`);
    const error = await rejectionOf(
      hsrcpay.apiKeys.create(params, { headers: { Authorization: "Bearer other" } }),
    );
    expect(error).toMatchObject({ field: "options.headers.Authorization" });
    expect(calls).toHaveLength(1);
  });
});

describe("apiKeys.create: the result", () => {
  it.each([200, 201])(
    "returns the typed key with status %i, message, request id and idempotency key",
    async (status) => {
      const { hsrcpay } = clientWith(() => created(status, { "x-request-id": "req_123" }));
      const apiKey = await hsrcpay.apiKeys.create(params, { idempotencyKey: "idem-1" });
      expect(apiKey).toEqual(apiKeyData);
      expect(apiKey.key).toBe(apiKeyData.key);
      expect(apiKey.lastResponse).toMatchObject({
        status,
        message: "success",
        requestId: "req_123",
        idempotencyKey: "idem-1",
      });
    },
  );

  it("keeps lastResponse out of JSON and spreads", async () => {
    const { hsrcpay } = clientWith(() => created());
    const apiKey = await hsrcpay.apiKeys.create(params);
    expect(JSON.parse(JSON.stringify(apiKey))).toEqual(apiKeyData);
    expect({ ...apiKey }).toEqual(apiKeyData);
  });
});

describe("apiKeys.create: failures", () => {
  it("throws the typed error for a failure status, labelled with the operation", async () => {
    const { hsrcpay } = clientWith(() => failure(409, "Key reused"));
    const error = (await rejectionOf(
      hsrcpay.apiKeys.create(params, { idempotencyKey: "idem-9" }),
    )) as ConflictError;
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toBe("409 Key reused (POST /v1/api-keys/)");
    expect(error.idempotencyKey).toBe("idem-9");
  });

  it("labels the operation with the base URL's path", async () => {
    const fetch = observedFetch(() => failure(400));
    const hsrcpay = createHsrcpayClient({
      token,
      baseUrl: "https://proxy.test/hsrcpay/v1/",
      fetch,
    });
    const error = (await rejectionOf(hsrcpay.apiKeys.create(params))) as Error;
    expect(error.message).toMatch(/\(POST \/hsrcpay\/v1\/api-keys\/\)$/);
    expect(fetch.calls[0]?.url.pathname).toBe("/hsrcpay/v1/api-keys/");
  });

  it("checks params and options before sending anything", async () => {
    const { hsrcpay, calls } = clientWith(() => created());
    const bad = await rejectionOf(hsrcpay.apiKeys.create({ ...params, name: 5 } as never));
    expect((bad as HsrcpayValidationError).field).toBe("name");
    const option = await rejectionOf(hsrcpay.apiKeys.create(params, { timeout: -1 }));
    expect((option as HsrcpayValidationError).field).toBe("options.timeout");
    expect(calls).toHaveLength(0);
  });
});

/** A list envelope of `count` keys for page `page` of `pages`. */
function listPage(page: number, pages: number, count = 2, total = pages * count) {
  const data = Array.from({ length: count }, (_, i) => ({
    ...apiKeyData,
    id: `key_p${page}_${i}`,
    key: "sk_test_…9f2c",
  }));
  return json(200, { message: "success", success: true, data, total, page, limit: count, pages });
}

describe("apiKeys.list", () => {
  it("gets one page with the account, page, limit and filter in the query, and no Idempotency-Key", async () => {
    const { hsrcpay, calls } = clientWith(() => listPage(2, 3));
    const page = await hsrcpay.apiKeys.list({
      account_id: "acct/1",
      page: 2,
      limit: 2,
      managed: false,
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.method).toBe("GET");
    expect(calls[0]?.url.pathname).toBe("/v1/api-keys/");
    expect(Object.fromEntries(calls[0]?.url.searchParams ?? [])).toEqual({
      account_id: "acct/1",
      page: "2",
      limit: "2",
      managed: "false",
    });
    expect(calls[0]?.headers.get("idempotency-key")).toBeNull();
    expect(calls[0]?.body).toBeUndefined();
    expect(page.data.map((k) => k.id)).toEqual(["key_p2_0", "key_p2_1"]);
    expect(page).toMatchObject({ total: 6, page: 2, limit: 2, pages: 3 });
    expect(page.hasNextPage()).toBe(true);
    expect(page.lastResponse.status).toBe(200);
    expect(Object.keys(page)).not.toContain("lastResponse");
  });

  it("asks for page 1 when none is given, and requests nothing until used", async () => {
    const { hsrcpay, calls } = clientWith(() => listPage(1, 1));
    const pending = hsrcpay.apiKeys.list({ account_id: "acct_1" });
    expect(calls).toHaveLength(0);
    const page = await pending;
    expect(calls[0]?.url.searchParams.get("page")).toBe("1");
    expect(page.hasNextPage()).toBe(false);
    await expect(page.getNextPage()).rejects.toThrow("There is no page after 1");
  });

  it("iterates every key of every page, lazily, then stops at the last page", async () => {
    const { hsrcpay, calls } = clientWith((request) =>
      listPage(Number(request.url.searchParams.get("page")), 3),
    );
    const ids: string[] = [];
    for await (const key of hsrcpay.apiKeys.list({ account_id: "acct_1" })) {
      ids.push(key.id);
      if (ids.length === 1) expect(calls).toHaveLength(1);
    }
    expect(ids).toEqual(["key_p1_0", "key_p1_1", "key_p2_0", "key_p2_1", "key_p3_0", "key_p3_1"]);
    expect(calls.map((c) => c.url.searchParams.get("page"))).toEqual(["1", "2", "3"]);
  });

  it("getNextPage asks for the next page number, whatever page number the server echoed", async () => {
    const { hsrcpay, calls } = clientWith((_, i) => listPage(i === 0 ? 9007199254740991 : 2, 2));
    const first = await hsrcpay.apiKeys.list({ account_id: "acct_1" });
    expect(first.page).toBe(1);
    const second = await first.getNextPage();
    expect(second.page).toBe(2);
    expect(calls[1]?.url.searchParams.get("page")).toBe("2");
  });

  it.each([
    [{ account_id: "" }, "account_id"],
    [{ account_id: "a", page: 0 }, "page"],
    [{ account_id: "a", page: 1.5 }, "page"],
    [{ account_id: "a", limit: 101 }, "limit"],
    [{ account_id: "a", limit: 0 }, "limit"],
    [{ account_id: "a", managed: "yes" }, "managed"],
    [{ account_id: "a", cursor: "x" }, "cursor"],
  ])("refuses %j before sending, naming %s", async (params, field) => {
    const { hsrcpay, calls } = clientWith(() => listPage(1, 1));
    const error = await rejectionOf(
      Promise.resolve().then(() => hsrcpay.apiKeys.list(params as never)),
    );
    expect((error as HsrcpayValidationError).field).toBe(field);
    expect(calls).toHaveLength(0);
  });

  it("a page whose data is not a list of keys, or without its numbers, is an invalid response", async () => {
    const bodies = [
      {
        message: "success",
        success: true,
        data: [{ id: 1 }],
        total: 1,
        page: 1,
        limit: 1,
        pages: 1,
      },
      { message: "success", success: true, data: [], page: 1, limit: 10, pages: 0 },
      { message: "success", success: true, data: [], total: -1, page: 1, limit: 10, pages: 0 },
    ];
    for (const body of bodies) {
      const { hsrcpay } = clientWith(() => json(200, body));
      const error = await rejectionOf(hsrcpay.apiKeys.list({ account_id: "a" }));
      expect(error).toBeInstanceOf(HsrcpayInvalidResponseError);
    }
  });
});

describe("apiKeys.delete", () => {
  it("sends DELETE to the key's path with an Idempotency-Key, and resolves { id, deleted }", async () => {
    const { hsrcpay, calls } = clientWith(() => json(200, { message: "success", success: true }));
    const deleted = await hsrcpay.apiKeys.delete("key_9xT2mQ4rL7vN1bZ8", {
      idempotencyKey: "del-1",
    });
    expect(calls[0]?.method).toBe("DELETE");
    expect(calls[0]?.url.pathname).toBe("/v1/api-keys/key_9xT2mQ4rL7vN1bZ8");
    expect(calls[0]?.headers.get("idempotency-key")).toBe("del-1");
    expect(calls[0]?.body).toBeUndefined();
    expect(deleted).toEqual({ id: "key_9xT2mQ4rL7vN1bZ8", deleted: true });
    expect(deleted.lastResponse).toMatchObject({ status: 200, idempotencyKey: "del-1" });
  });

  it.each([
    ["a/b", "/v1/api-keys/a%2Fb"],
    ["a?x=1", "/v1/api-keys/a%3Fx%3D1"],
    ["a#b", "/v1/api-keys/a%23b"],
    ["../x", "/v1/api-keys/..%2Fx"],
    ["%2e%2e", "/v1/api-keys/%252e%252e"],
  ])("sends id %j as one encoded path segment", async (id, path) => {
    const { hsrcpay, calls } = clientWith(() => json(200, { message: "success", success: true }));
    await hsrcpay.apiKeys.delete(id);
    expect(calls[0]?.url.pathname).toBe(path);
    expect(calls[0]?.url.search).toBe("");
  });

  it.each(["", "  ", ".", "..", "key_\uD800"])("refuses id %j before sending", async (id) => {
    const { hsrcpay, calls } = clientWith(() => json(200, { message: "success", success: true }));
    const error = await rejectionOf(hsrcpay.apiKeys.delete(id));
    expect((error as HsrcpayValidationError).field).toBe("id");
    expect(calls).toHaveLength(0);
  });

  it("a 404 on the first attempt is a NotFoundError", async () => {
    const { hsrcpay } = clientWith(() => failure(404, "No such key"));
    expect(await rejectionOf(hsrcpay.apiKeys.delete("key_1"))).toBeInstanceOf(NotFoundError);
  });

  it("a 404 on a retry after a lost answer means the first attempt deleted it", async () => {
    const { hsrcpay, calls } = clientWith((_, i) =>
      i === 0 ? failure(503, "busy") : failure(404, "No such key"),
    );
    const deleted = await hsrcpay.apiKeys.delete("key_1");
    expect(deleted).toEqual({ id: "key_1", deleted: true });
    expect(deleted.lastResponse.status).toBe(404);
    expect(calls).toHaveLength(2);
    expect(calls[1]?.headers.get("idempotency-key")).toBe(calls[0]?.headers.get("idempotency-key"));
  });

  it("a 404 after a 429 is still a NotFoundError: the 429 was an answer", async () => {
    const { hsrcpay } = clientWith((_, i) => (i === 0 ? failure(429) : failure(404)));
    expect(await rejectionOf(hsrcpay.apiKeys.delete("key_1"))).toBeInstanceOf(NotFoundError);
  });

  it("a success that carries the deleted key in data is a success all the same", async () => {
    const { hsrcpay } = clientWith(() => created(200));
    const deleted = await hsrcpay.apiKeys.delete("key_1");
    expect(deleted).toEqual({ id: "key_1", deleted: true });
    expect(deleted.lastResponse.message).toBe("success");
  });
});

describe("apiKeys.regenerate", () => {
  it("posts to the key's regenerate path with an Idempotency-Key kept across retries", async () => {
    const { hsrcpay, calls } = clientWith((_, i) => (i === 0 ? failure(502) : created(200)));
    const key = await hsrcpay.apiKeys.regenerate("key_9xT2mQ4rL7vN1bZ8");
    expect(calls.map((c) => `${c.method} ${c.url.pathname}`)).toEqual([
      "POST /v1/api-keys/key_9xT2mQ4rL7vN1bZ8/regenerate",
      "POST /v1/api-keys/key_9xT2mQ4rL7vN1bZ8/regenerate",
    ]);
    expect(calls[0]?.headers.get("idempotency-key")).toBeTruthy();
    expect(calls[1]?.headers.get("idempotency-key")).toBe(calls[0]?.headers.get("idempotency-key"));
    expect(calls[0]?.body).toBeUndefined();
    expect(key.key).toBe(apiKeyData.key);
    expect(key.lastResponse.idempotencyKey).toBe(calls[0]?.headers.get("idempotency-key"));
  });

  it("a custom key's 422 is an UnprocessableEntityError that shows no secret", async () => {
    const { hsrcpay } = clientWith(() => failure(422, `Only managed keys; not ${apiKeyData.key}`));
    const error = await rejectionOf(hsrcpay.apiKeys.regenerate("key_1"));
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(String(error)).not.toContain(apiKeyData.key);
  });

  it("refuses a dot-segment id before sending", async () => {
    const { hsrcpay, calls } = clientWith(() => created());
    expect(await rejectionOf(hsrcpay.apiKeys.regenerate(".."))).toBeInstanceOf(
      HsrcpayValidationError,
    );
    expect(calls).toHaveLength(0);
  });
});

describe("apiKeys: what counts as a key, and the operation named in errors", () => {
  const envelope = (data: unknown) => ({ message: "success", success: true, data });

  it.each([
    ["null", null, "the data must be object"],
    ["a key without its plaintext", { ...apiKeyData, key: undefined }, "key is required"],
    ["a key whose id is a number", { ...apiKeyData, id: 5 }, "id must be string"],
    ["a key whose status is null", { ...apiKeyData, status: null }, "status must be string"],
    ["a string", "key_1", "the data must be object"],
  ])("create answered with %s as data is an invalid response", async (_, data, wrong) => {
    const { hsrcpay } = clientWith(() => json(201, envelope(data)));
    const error = (await rejectionOf(hsrcpay.apiKeys.create(params))) as Error;
    expect(error).toBeInstanceOf(HsrcpayInvalidResponseError);
    expect(error.message).toContain(
      `an envelope whose data is not what the spec declares (${wrong}), not the success envelope`,
    );
    // The created key's plaintext is never quoted back.
    expect(error.message).not.toContain(apiKeyData.key);
  });

  it("a list with one key that is not a key is an invalid response, naming the item", async () => {
    const { hsrcpay } = clientWith(() =>
      json(200, { ...envelope([apiKeyData, { id: 1 }]), total: 2, page: 1, limit: 10, pages: 1 }),
    );
    const error = (await rejectionOf(hsrcpay.apiKeys.list({ account_id: "a" }))) as Error;
    expect(error).toBeInstanceOf(HsrcpayInvalidResponseError);
    expect(error.message).toContain(
      "an envelope whose data is not what the spec declares ([1].object is required)",
    );
  });

  it("a list without its numbers says so, naming the operation", async () => {
    const { hsrcpay } = clientWith(() => json(200, { ...envelope([]), limit: 10, pages: 0 }));
    const error = (await rejectionOf(hsrcpay.apiKeys.list({ account_id: "a" }))) as Error;
    expect(error.message).toMatch(
      /^HSRCPAY answered 200 with a list envelope without its pagination numbers, not the success envelope \(GET \/v1\/api-keys\/; /,
    );
  });

  it("an empty account lists zero keys on zero pages", async () => {
    const { hsrcpay } = clientWith(() =>
      json(200, { ...envelope([]), total: 0, page: 1, limit: 10, pages: 0 }),
    );
    const page = await hsrcpay.apiKeys.list({ account_id: "a" });
    expect(page).toMatchObject({ data: [], total: 0, pages: 0 });
    expect(page.hasNextPage()).toBe(false);
  });

  it("a delete answered with data: null resolves", async () => {
    const { hsrcpay } = clientWith(() => json(200, envelope(null)));
    expect(await hsrcpay.apiKeys.delete("key_1")).toEqual({ id: "key_1", deleted: true });
  });

  type Call = (h: ReturnType<typeof createHsrcpayClient>) => PromiseLike<unknown>;
  it.each<[string, Call, string]>([
    [
      "list",
      (h: ReturnType<typeof createHsrcpayClient>) => h.apiKeys.list({ account_id: "a" }),
      "GET /v1/api-keys/",
    ],
    [
      "delete",
      (h: ReturnType<typeof createHsrcpayClient>) => h.apiKeys.delete("key_1"),
      "DELETE /v1/api-keys/{id}",
    ],
    [
      "regenerate",
      (h: ReturnType<typeof createHsrcpayClient>) => h.apiKeys.regenerate("key_1"),
      "POST /v1/api-keys/{id}/regenerate",
    ],
  ])("a %s failure names the operation by its path template", async (_, call, label) => {
    const { hsrcpay } = clientWith(() => failure(400, "Bad"));
    const error = (await rejectionOf(call(hsrcpay))) as Error;
    expect(error.message).toBe(`400 Bad (${label})`);
  });
});
