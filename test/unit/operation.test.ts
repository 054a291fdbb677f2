// The operation helper against what a caller's JavaScript can hand it (found by an attacker's review
// of the helper): what is checked is what is sent, every refusal is typed and named, and no method
// throws synchronously or sends a silent empty update.
import { describe, expect, it } from "vitest";
import { HsrcpayValidationError } from "../../src/index.js";
import { holdsShape } from "../../src/internal/operation.js";
import { clientWith } from "../helpers/client-with.js";
import { accountData } from "../helpers/fixtures/accounts.js";
import { params } from "../helpers/fixtures.js";
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
      json(201, { message: "success", success: true, data: { id: "k", key: "sk_test_x" } }),
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

// Found by the mutation run: an optional object that is absent, and what lies beside it.
describe("holdsShape with optional objects", () => {
  const shape = {
    payment: "object",
    "payment.id": "string",
    next: "object?",
    "next.url": "string",
    kind: "string",
  };

  it.each([
    ["absent", { payment: { id: "p" }, kind: "k" }, true],
    ["null", { payment: { id: "p" }, next: null, kind: "k" }, true],
    ["present and whole", { payment: { id: "p" }, next: { url: "u" }, kind: "k" }, true],
    ["present without what it must hold", { payment: { id: "p" }, next: {}, kind: "k" }, false],
    ["not an object", { payment: { id: "p" }, next: 5, kind: "k" }, false],
    // An absent optional object excuses only what lies under it.
    ["absent, and a field beside it missing", { payment: { id: "p" } }, false],
  ])("%s", (_, item, holds) => {
    expect(holdsShape(item, shape)).toBe(holds);
  });
});
