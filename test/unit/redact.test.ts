// What the client hands back besides the data asked for is scrubbed of the token, key-shaped
// strings and "key" values; headers stay valid ByteStrings; JSON copies cannot set a prototype.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { redactDeep, redactHeader, redactHeaders, redactorFor } from "../../src/redact.js";
import { token } from "../helpers/fixtures.js";

const redact = redactorFor(token);
const otherKey = "sk_live_9zY8xW7vU6tS5rQ4pO3n";

describe("redactorFor", () => {
  it("masks the token wherever it appears, keeping prefix and last four", () => {
    expect(redact(`a ${token} b ${token}`)).toBe("a sk_test_…9f2c b sk_test_…9f2c");
  });

  it.each([
    ["a key on its own", otherKey, "sk_live_…pO3n"],
    ["a key glued to a word", `hint:x${otherKey}.`, "hint:xsk_live_…pO3n."],
    ["a publishable key", "pk_test_abcdefghijklmnop1234", "pk_test_…1234"],
  ])("masks %s", (_, text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it('replaces the value of a "key" field, also in truncated JSON', () => {
    expect(redact('{"key":"whsec_abc","id":"k"}')).toBe('{"key":"[redacted]","id":"k"}');
    expect(redact('{"key" : "whsec_ab')).toBe('{"key":"[redacted]"');
    expect(redact('{"key":"a\\"b"}')).toBe('{"key":"[redacted]"}');
  });

  it("leaves text without secrets as it was", () => {
    expect(redact("nothing to see: sk_ pk_test_ key")).toBe("nothing to see: sk_ pk_test_ key");
  });

  it("never lets any random token through, wherever it sits", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[\x21-\x7e]{16,64}$/),
        fc.string(),
        fc.string(),
        (secret, before, after) => {
          expect(redactorFor(secret)(`${before}${secret}${after}`)).not.toContain(secret);
        },
      ),
    );
  });
});

describe("redactDeep", () => {
  it("redacts every string, keys included, in nested objects and arrays", () => {
    const out = redactDeep({ [token]: [token, { a: otherKey }], n: 1, b: null }, redact);
    expect(out).toEqual({
      "sk_test_…9f2c": ["sk_test_…9f2c", { a: "sk_live_…pO3n" }],
      n: 1,
      b: null,
    });
  });

  it("keeps a __proto__ key as data and the ordinary prototype", () => {
    const hostile = JSON.parse('{"__proto__":{"polluted":true},"a":{"__proto__":{"x":1}}}');
    const out = redactDeep(hostile, redact) as Record<string, Record<string, unknown>>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.hasOwn(out, "__proto__")).toBe(true);
    expect((out as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(out.a)).toBe(Object.prototype);
    expect(JSON.stringify(out)).toBe('{"__proto__":{"polluted":true},"a":{"__proto__":{"x":1}}}');
  });
});

describe("redactHeaders", () => {
  it("returns the same Headers when nothing needs hiding", () => {
    const headers = new Headers({ "content-type": "application/json", "x-request-id": "req_1" });
    expect(redactHeaders(headers, redact)).toBe(headers);
  });

  it("copies and masks when something does, as valid header values", () => {
    const headers = new Headers({
      "x-echo": `Bearer ${token}`,
      "www-authenticate": `Bearer error="invalid_token", token="${token}"`,
      "x-key-hint": otherKey,
      "content-type": "text/html",
    });
    const out = redactHeaders(headers, redact);
    expect(out).not.toBe(headers);
    expect(out.get("x-echo")).toBe("Bearer sk_test_...9f2c");
    expect(out.get("www-authenticate")).toBe(
      'Bearer error="invalid_token", token="sk_test_...9f2c"',
    );
    expect(out.get("x-key-hint")).toBe("sk_live_...pO3n");
    expect(out.get("content-type")).toBe("text/html");
  });

  it.each(["authorization", "proxy-authorization", "cookie", "set-cookie"])(
    "replaces %s whole, whatever it holds",
    (name) => {
      const out = redactHeaders(new Headers({ [name]: "opaque-session-42" }), redact);
      expect(out.get(name)).toBe("[redacted]");
    },
  );

  it("redactHeader gives a ByteString for one value", () => {
    expect(redactHeader("x-request-id", `req_${otherKey}`, redact)).toBe("req_sk_live_...pO3n");
  });
});
