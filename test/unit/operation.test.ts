// The operation helper against what a caller's JavaScript can hand it (found by an attacker's review
// of the helper): what is checked is what is sent, every refusal is typed and named, and no method
// throws synchronously or sends a silent empty update.
import { describe, expect, it } from "vitest";
import { answers } from "../../generated/operations.js";
import { responses } from "../../generated/responses.js";
import { HsrcpayValidationError } from "../../src/index.js";
import { answerRefusal } from "../../src/internal/operation.js";
import { clientWith } from "../helpers/client-with.js";
import { accountData } from "../helpers/fixtures/accounts.js";
import { confirmed, paymentData } from "../helpers/fixtures/payments.js";
import { apiKeyData, params } from "../helpers/fixtures.js";
import { json } from "../helpers/observed-fetch.js";
import { rejectionOf } from "../helpers/rejection.js";

const ok = (data: unknown) => json(200, { message: "success", success: true, data });

/** The refusal a call ends in, checked to be typed and to have sent nothing. */
async function refusalOf(
  run: (h: ReturnType<typeof clientWith>["hsrcpay"]) => PromiseLike<unknown>,
) {
  const { hsrcpay, calls } = clientWith(() => ok(accountData));
  let error: unknown;
  expect(() => {
    error = rejectionOf(run(hsrcpay));
  }).not.toThrow();
  const refusal = await error;
  expect(refusal).toBeInstanceOf(HsrcpayValidationError);
  expect(calls).toHaveLength(0);
  return refusal as HsrcpayValidationError;
}

describe("values JSON would change on the way out are refused, naming where they sit", () => {
  it.each([
    ["a Date", new Date(0), "permissions must be plain JSON data, not a Date"],
    ["a Map", new Map([["payments", ["read"]]]), "permissions must be plain JSON data, not a Map"],
    [
      "a class instance with toJSON",
      new (class Grants {
        toJSON() {
          return { payments: 123 };
        }
      })(),
      "permissions must be plain JSON data, not a Grants",
    ],
    [
      "a plain object with a toJSON",
      { toJSON: () => ({}) },
      "permissions.toJSON must be JSON data",
    ],
  ])("permissions as %s", async (_, permissions, message) => {
    const error = await refusalOf((h) => h.apiKeys.create({ ...params, permissions } as never));
    expect(error.message).toBe(message);
  });

  it("metadata's own functions and unreadable values", async () => {
    const functionValued = await refusalOf((h) =>
      h.accounts.update(accountData.id, { metadata: { toJSON: () => 1 } }),
    );
    expect(functionValued.message).toBe("metadata.toJSON must be JSON data");
    const unreadable = await refusalOf((h) =>
      h.accounts.update(accountData.id, {
        metadata: {
          get x() {
            throw null;
          },
        },
      }),
    );
    expect(unreadable.message).toBe("metadata.x could not be read");
  });

  it("a whole number past 2^53 (it would go out as 1e+21)", async () => {
    const error = await refusalOf((h) => h.apiKeys.list({ account_id: "a", page: 1e21 }));
    expect(error.message).toBe("page must be a whole number");
  });
});

describe("what is checked is what is sent", () => {
  it("a getter is read once: the value checked is the value sent", async () => {
    let reads = 0;
    const { hsrcpay, calls } = clientWith(() =>
      json(201, { message: "success", success: true, data: apiKeyData }),
    );
    await hsrcpay.apiKeys.create({
      ...params,
      permissions: {
        get payments() {
          reads++;
          return reads === 1 ? ["read"] : 5;
        },
      } as never,
    });
    expect(reads).toBe(1);
    expect(JSON.parse(calls[0]?.body ?? "")).toMatchObject({ permissions: { payments: ["read"] } });
  });

  it("a non-enumerable field is neither checked nor sent: a required one is missing", async () => {
    const error = await refusalOf((h) =>
      h.accounts.create(Object.defineProperty({}, "name", { value: "Acme" }) as never),
    );
    expect(error.message).toBe("name is required");
  });

  it("a Proxy whose traps throw cannot be read: a typed refusal", async () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error("trap");
        },
      },
    );
    const error = await refusalOf((h) => h.accounts.create(hostile as never));
    expect(error.message).toBe("params could not be read");
  });
});

describe("params that could not end, or that the prototype would fill", () => {
  it("a params object that contains itself is refused, naming where", async () => {
    const metadata: Record<string, unknown> = { team: "a" };
    metadata.self = metadata;
    const error = await refusalOf((h) => h.accounts.update(accountData.id, { metadata }));
    expect(error.field).toBe("metadata.self");
    expect(error.message).toBe("metadata.self contains itself");
  });

  it("the same object twice side by side is not a cycle", async () => {
    const shared = { a: 1 };
    const { hsrcpay, calls } = clientWith(() => ok(accountData));
    await hsrcpay.accounts.update(accountData.id, { metadata: { x: shared, y: shared } });
    expect(JSON.parse(calls[0]?.body ?? "")).toEqual({ metadata: { x: { a: 1 }, y: { a: 1 } } });
  });

  it("nesting deeper than 64 levels is refused; 64 is sent", async () => {
    const nest = (levels: number) => {
      let value: Record<string, unknown> = {};
      for (let level = 1; level < levels; level++) value = { n: value };
      return value;
    };
    // metadata itself is level 2: the params object is level 1.
    const { hsrcpay, calls } = clientWith(() => ok(accountData));
    await hsrcpay.accounts.update(accountData.id, { metadata: nest(63) });
    expect(calls).toHaveLength(1);
    const error = await refusalOf((h) => h.accounts.update(accountData.id, { metadata: nest(64) }));
    expect(error.message).toMatch(/is nested deeper than 64 levels$/);
  });

  it("more than 100,000 values is refused", async () => {
    const metadata = { list: Array.from({ length: 100_000 }, (_, i) => i) };
    const error = await refusalOf((h) => h.accounts.update(accountData.id, { metadata }));
    expect(error.field).toBe("params");
    expect(error.message).toBe("params has more than 100000 values");
  });

  it("a polluted Object.prototype reaches neither the query, the path nor the body", async () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.limit = 1;
    proto.polluted = "yes";
    proto.id = "acct_other";
    try {
      const { hsrcpay, calls } = clientWith(() => ok(accountData));
      await hsrcpay.accounts.update(accountData.id, { name: "n" });
      await hsrcpay.apiKeys.list({ account_id: "a" }).catch(() => undefined);
      const [update, list] = calls;
      expect(update?.url.pathname).toBe(`/v1/accounts/${accountData.id}`);
      expect(JSON.parse(update?.body ?? "")).toEqual({ name: "n" });
      expect(list?.url.search).toBe("?account_id=a&page=1");
      expect(update?.headers.has("polluted")).toBe(false);
    } finally {
      delete proto.limit;
      delete proto.polluted;
      delete proto.id;
    }
  });
});

describe("update never throws synchronously, and never sends a silent empty update", () => {
  it.each([
    ["an array", [], "params must be an object"],
    ["null", null, "params must be an object"],
    ["a Date", new Date(0), "params must be plain JSON data, not a Date"],
    ["a string", "name", "params must be an object"],
  ])("params as %s", async (_, given, message) => {
    const error = await refusalOf((h) => h.accounts.update(accountData.id, given as never));
    expect(error.message).toBe(message);
  });

  it("a getter that throws rejects the call, naming the field", async () => {
    const error = await refusalOf((h) =>
      h.accountMemberships.update("amem_1", {
        get permissions(): string[] {
          throw new Error("boom");
        },
      }),
    );
    expect(error.message).toBe("permissions could not be read");
  });

  it("an id among the params is refused, not silently dropped", async () => {
    const error = await refusalOf((h) =>
      h.accountMemberships.update("amem_1", { id: "amem_2" } as never),
    );
    expect(error.message).toBe("id is the method's own argument, not a field of params");
  });
});

describe("options", () => {
  it.each([null, "fast", []])(
    "%j as options is a typed refusal, not a bare TypeError",
    async (options) => {
      for (const run of [
        (h: ReturnType<typeof clientWith>["hsrcpay"]) => h.accounts.retrieve("a", options as never),
        (h: ReturnType<typeof clientWith>["hsrcpay"]) => h.accounts.list(options as never),
      ]) {
        const error = await refusalOf(run);
        expect(error.field).toBe("options");
      }
    },
  );
});

describe("one unpaginated list is taken as the server sent it", () => {
  it("duplicate ids are kept (no walk, so no repeat to skip), and the page counts all of them", async () => {
    const { hsrcpay } = clientWith(() =>
      ok([accountData, accountData, { ...accountData, id: "b" }]),
    );
    const page = await hsrcpay.accounts.list();
    expect(page.data.map((account) => account.id)).toEqual([accountData.id, accountData.id, "b"]);
    expect(page.total).toBe(3);
  });
});

// The answer check: every field the spec declares for the data, at any depth, to its JSON type.
describe("answerRefusal with the generated answers table", () => {
  const rule = (key: string) => {
    const found = answers[key];
    if (found === undefined) throw new Error(`${key} is not in the answers table`);
    return found;
  };
  const apiKey = rule("POST /api-keys/");
  const latestResult = { kind: "requires_action" };
  const confirm = rule("POST /payments/{id}/confirm");
  const payment = rule("GET /payments/{id}");
  const charge = rule("GET /charges/{id}");
  /** The spec's example of an operation's success data. */
  const example = (key: string) =>
    (responses[key]?.statuses["200"] as { data: Record<string, unknown> } | undefined)?.data ?? {};

  it("the spec's example of an item holds", () => {
    expect(answerRefusal(apiKeyData, apiKey)).toBeUndefined();
    expect(answerRefusal(paymentData, payment)).toBeUndefined();
    expect(
      answerRefusal(confirmed("SUCCEEDED", { ok: true, latestResult }), confirm),
    ).toBeUndefined();
    expect(answerRefusal(example("GET /charges/{id}"), charge)).toBeUndefined();
  });

  it.each([
    ["a missing required field", { ...apiKeyData, key: undefined }, "key is required"],
    ["a string field given a number", { ...apiKeyData, id: 7 }, "id must be string"],
    ["a boolean field given a string", { ...apiKeyData, managed: "no" }, "managed must be boolean"],
    ["an object field given an array", { ...apiKeyData, metadata: [] }, "metadata must be object"],
    [
      "a nullable string given a number",
      { ...apiKeyData, expires_at: 0 },
      "expires_at must be string or null",
    ],
    ["data that is not an object", "sk_test_x", "the data must be object"],
    ["null as data", null, "the data must be object"],
  ])("an api key with %s is refused, naming the field", (_, data, refusal) => {
    // A field set to undefined is absent: JSON has no undefined.
    const sent = JSON.parse(JSON.stringify(data)) as unknown;
    expect(answerRefusal(sent, apiKey)).toBe(refusal);
  });

  it("a nullable field may be null; a required one may not be missing for being nullable", () => {
    expect(answerRefusal({ ...apiKeyData, expires_at: null }, apiKey)).toBeUndefined();
    const { expires_at: _, ...withoutExpiry } = apiKeyData;
    expect(answerRefusal(withoutExpiry, apiKey)).toBe("expires_at is required");
  });

  it("an integer field refuses a fraction and a string", () => {
    expect(answerRefusal({ ...paymentData, amount: 12.5 }, payment)).toBe("amount must be integer");
    expect(answerRefusal({ ...paymentData, amount: "12500" }, payment)).toBe(
      "amount must be integer",
    );
  });

  it("an optional field may be absent, but present it must have its type", () => {
    expect(answerRefusal(paymentData, payment)).toBeUndefined();
    expect(answerRefusal({ ...paymentData, charges: {} }, payment)).toBe("charges must be array");
    expect(answerRefusal({ ...paymentData, customer: 5 }, payment)).toBe("customer must be object");
    expect(answerRefusal({ ...paymentData, customer: null }, payment)).toBeUndefined();
  });

  it("every item of an array is checked, and the one refused is named by its index", () => {
    expect(answerRefusal({ ...paymentData, events: [{}, {}] }, payment)).toBeUndefined();
    expect(answerRefusal({ ...paymentData, events: [{}, "e"] }, payment)).toBe(
      "events[1] must be object",
    );
    const account = rule("GET /accounts/{id}");
    const withSettings = (settings: unknown[]) => ({ ...accountData, settings });
    const setting = {
      object: "setting",
      id: "s",
      key: "k",
      value: 1,
      created_at: null,
      updated_at: null,
    };
    expect(answerRefusal(withSettings([setting]), account)).toBeUndefined();
    const { key: _, ...keyless } = setting;
    expect(answerRefusal(withSettings([setting, keyless]), account)).toBe(
      "settings[1].key is required",
    );
    // A setting's value is any JSON: it is not looked at.
    expect(answerRefusal(withSettings([{ ...setting, value: [null] }]), account)).toBeUndefined();
    expect(answerRefusal(withSettings([]), account)).toBeUndefined();
    expect(answerRefusal({ ...accountData, settings: {} }, account)).toBe("settings must be array");
  });

  it("fields at any depth: a payment inside a confirm's answer, and the confirm result's own", () => {
    const { status: _, ...noStatus } = paymentData;
    expect(
      answerRefusal({ payment: noStatus, confirmResult: { ok: true, latestResult } }, confirm),
    ).toBe("payment.status is required");
    expect(answerRefusal(confirmed("FAILED", { ok: "no", latestResult }), confirm)).toBe(
      "confirmResult.ok must be boolean",
    );
    expect(
      answerRefusal(
        confirmed("FAILED", { ok: false, latestResult: { kind: "x", errCode: 5 } }),
        confirm,
      ),
    ).toBe("confirmResult.latestResult.errCode must be string");
    expect(
      answerRefusal(confirmed("FAILED", { ok: false, latestResult: { kind: "x" } }), confirm),
    ).toBeUndefined();
  });

  it.each([
    ["https://acs.bank.example/challenge?id=1", undefined],
    ["https://acs.bank.example", undefined],
    ["http://acs.bank.example/challenge", "does not match"],
    ["javascript:alert(1)", "does not match"],
    ["https:///path", "does not match"],
    ["https://acs.bank.example/a b", "does not match"],
    ["", "does not match"],
  ])("the 3-D Secure url %j", (url, problem) => {
    const answer = confirmed("REQUIRES_ACTION", {
      ok: true,
      latestResult,
      paymentNextAction: { action: "redirect", url },
    });
    const refusal = answerRefusal(answer, confirm);
    if (problem === undefined) expect(refusal).toBeUndefined();
    else
      expect(refusal).toBe(
        "confirmResult.paymentNextAction.url does not match ^https://[^\\s/?#]+[^\\s]*$",
      );
  });

  it("the 3-D Secure url must be a string; the next action may be null or absent", () => {
    const next = (paymentNextAction: unknown) =>
      answerRefusal(
        confirmed("REQUIRES_ACTION", { ok: true, latestResult, paymentNextAction }),
        confirm,
      );
    expect(next({ action: "redirect", url: 5 })).toBe(
      "confirmResult.paymentNextAction.url must be string",
    );
    expect(next({ action: "redirect" })).toBe("confirmResult.paymentNextAction.url is required");
    expect(next(null)).toBeUndefined();
    expect(
      answerRefusal(confirmed("SUCCEEDED", { ok: true, latestResult }), confirm),
    ).toBeUndefined();
  });

  it("a field the spec does not declare is not looked at, whatever it holds", () => {
    expect(answerRefusal({ ...apiKeyData, extra: { deep: [1, null] } }, apiKey)).toBeUndefined();
    expect(answerRefusal({ ...paymentData, status_v2: 5 }, payment)).toBeUndefined();
    expect(answerRefusal({ ...paymentData, __proto__: 5 }, payment)).toBeUndefined();
  });

  it("a charge's amounts are integers; performance's duration is optional, typed when there", () => {
    const chargeData = example("GET /charges/{id}");
    expect(answerRefusal({ ...chargeData, captured_amount: "0" }, charge)).toBe(
      "captured_amount must be integer",
    );
    expect(answerRefusal({ ...chargeData, performance: {} }, charge)).toBeUndefined();
    expect(answerRefusal({ ...chargeData, performance: { duration: "1s" } }, charge)).toBe(
      "performance.duration must be number",
    );
  });
});
