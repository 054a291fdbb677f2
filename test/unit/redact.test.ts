// What the client hands back besides the data asked for is scrubbed of the token, key-shaped
// strings and "key" values; headers stay valid ByteStrings; JSON copies cannot set a prototype.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  redactDeep,
  redactHeader,
  redactHeaders,
  redactorFor,
  requestSecrets,
  withRequestSecrets,
  withSecrets,
} from "../../src/internal/redact.js";
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

  it("masks each token with its own redactor when clients with different tokens take turns", () => {
    const first = "jwt.first-token.sig-0000";
    const second = "jwt.second-token.sig-1111";
    const text = `${first} ${second}`;
    expect(redactorFor(first)(text)).toBe(`jwt…0000 ${second}`);
    expect(redactorFor(second)(text)).toBe(`${first} jwt…1111`);
    expect(redactorFor(first)(text)).toBe(`jwt…0000 ${second}`);
    expect(redactorFor(first)).toBe(redactorFor(first));
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

describe("what counts as a key", () => {
  it.each([
    ["a key of one character after the prefix", "sk_live_a", "…"],
    ["a long key, masked whole", "sk_live_abcdefghijklmnop", "sk_live_…mnop"],
    ["a key ending at punctuation", "(pk_test_abcdefghijklmnop)", "(pk_test_…mnop)"],
    ["a prefix with nothing after it", "sk_live_ and pk_test_-", "sk_live_ and pk_test_-"],
    ["a prefix followed by punctuation", "sk_live_!!!!!!!!!!!!!!!!", "sk_live_!!!!!!!!!!!!!!!!"],
  ])("masks %s", (_, text, expected) => {
    expect(redactorFor("unrelated-token-value")(text)).toBe(expected);
  });

  it.each([
    ['{"key":"whsec_abc"}', '{"key":"[redacted]"}'],
    ['{"key"  :  "whsec_abc"}', '{"key":"[redacted]"}'],
    ['{"key"\n:\t"whsec_abc"}', '{"key":"[redacted]"}'],
    ['{"key" :"whsec_abc"}', '{"key":"[redacted]"}'],
    ['{"key": "whsec_abc"}', '{"key":"[redacted]"}'],
    ['{"key":""}', '{"key":"[redacted]"}'],
    ['{"key":"ab\\\\","id":"k"}', '{"key":"[redacted]","id":"k"}'],
    ['{"key":"a\\"b\\"c","id":"k"}', '{"key":"[redacted]","id":"k"}'],
    ['{"key":"whsec_abc","id":"k"}', '{"key":"[redacted]","id":"k"}'],
    ['{"key":"whsec_ab', '{"key":"[redacted]"'],
    ['{"key":5}', '{"key":5}'],
    ['{"key"x:"whsec"}', '{"key"x:"whsec"}'],
  ])("redacts the value in %j", (text, expected) => {
    expect(redactorFor("unrelated-token-value")(text)).toBe(expected);
  });
});

describe("redactDeep copies", () => {
  it("are ordinary objects whose properties the caller may change or delete", () => {
    const out = redactDeep({ a: "x", b: { c: "y" } }, redact) as Record<string, unknown>;
    expect(Object.getOwnPropertyDescriptor(out, "a")).toEqual({
      value: "x",
      enumerable: true,
      writable: true,
      configurable: true,
    });
    out.a = "changed";
    delete out.b;
    expect(out).toEqual({ a: "changed" });
  });
});

describe("credential headers", () => {
  it.each(["authorization", "proxy-authorization", "cookie", "set-cookie"])(
    "redactHeader hides %s whole, even when it looks harmless",
    (name) => {
      expect(redactHeader(name, "opaque-session-42", redact)).toBe("[redacted]");
    },
  );

  it("passes other headers through the redactor only", () => {
    expect(redactHeader("x-session", "opaque-session-42", redact)).toBe("opaque-session-42");
    expect(redactHeader("", "opaque-session-42", redact)).toBe("opaque-session-42");
  });
});

describe("secrets however JSON or a URL spells them", () => {
  const secret = "hsk_mgd_7Qz3Lw9Xv2Rt8Np4";
  const masked = withSecrets((text) => text, new Set([secret]));

  it.each([
    ["in the clear", secret],
    ["with \\u escapes", secret.replace("h", "\\u0068").replace("Q", "\\u0051")],
    ["with an escaped slash in front", `\\/${secret}`],
  ])("%s inside a JSON string is masked", (_, spelled) => {
    const text = `{"note":"taken by ${spelled} today"}`;
    expect(masked(text)).not.toMatch(/hsk_mgd|\\u0068sk/);
    expect(JSON.parse(masked(text)).note).toMatch(/^taken by (\/)?\[redacted\] today$/);
  });

  it("re-encodes a changed run as ASCII JSON, its other escapes read as JSON reads them", () => {
    const text = `"\\u2603 \\n\\t\\"q\\" \\\\ ${secret.replace("h", "\\u0068")}"`;
    const out = masked(text);
    expect(out).toMatch(/^[\x20-\x7e]*$/);
    expect(JSON.parse(out)).toBe('\u2603 \n\t"q" \\ [redacted]');
  });

  it("leaves a run it does not change exactly as it was, unknown escapes included", () => {
    const text = '"a \\x41 \\u0041 b"';
    expect(masked(text)).toBe(text);
  });

  it("masks what follows a secret's start while it still looks like the secret (a value cut at the cap)", () => {
    const cut = withSecrets((text) => text, new Set(["hsk_mgd_7Qz3"]));
    expect(cut("echo hsk_mgd_7Qz3Lw9Xv2Rt8Np4, done")).toBe("echo [redacted], done");
  });

  it("prefers the longest secret that starts at a place", () => {
    const both = withSecrets((text) => text, new Set(["abcdefgh", "abcdefgh-longer one"]));
    expect(both("x abcdefgh-longer one y")).toBe("x [redacted] y");
  });

  it("a redactor with no secrets is the one it was given", () => {
    const base = (text: string) => text.toUpperCase();
    expect(withSecrets(base, new Set())).toBe(base);
  });
});

describe("the token, percent-encoded", () => {
  const odd = "tok+live/Zx9=Qr7Lm2Np4Vb6";
  const redact = redactorFor(odd);

  it.each([
    ["upper-case hex", encodeURIComponent(odd)],
    ["lower-case hex", encodeURIComponent(odd).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase())],
    ["encoded twice", encodeURIComponent(encodeURIComponent(odd))],
  ])("%s is masked", (_, spelled) => {
    expect(redact(`/v1/api-keys/${spelled}/regenerate`)).toBe(
      "/v1/api-keys/tok…Vb6/regenerate".replace("Vb6", odd.slice(-4)),
    );
  });
});

describe("a request's own secrets", () => {
  const body = JSON.stringify({
    payment_method: { data: { pan: "4111111111111111", month: "12", year: "30", cvv: "987" } },
    metadata: { note: "pan 4111111111111111" },
  });

  it("are the values of the body's secret fields, from three characters: never an expiry month", () => {
    expect([...requestSecrets(body)].sort()).toEqual(["4111111111111111", "987"]);
    expect(requestSecrets('{"secret":"\\u0077hsec_mine_1234"}')).toEqual(
      new Set(["whsec_mine_1234"]),
    );
    expect(requestSecrets(undefined).size).toBe(0);
    expect(requestSecrets('{"amount":12500,"currency":"USD"}').size).toBe(0);
    // Not JSON (through raw): found by their names all the same.
    expect(requestSecrets('{"cvc":"4321","pan":"5500000000000004"').size).toBe(2);
  });

  const mask = withRequestSecrets(redact, requestSecrets(body));

  it("mask a card number in the clear, grouped by spaces or dashes, escaped, and glued to words", () => {
    expect(mask("card 4111111111111111 declined")).toBe("card [redacted] declined");
    expect(mask("card 4111 1111 1111 1111 / 4111-1111-1111-1111")).toBe(
      "card [redacted] / [redacted]",
    );
    expect(mask('"card \\u0034111111111111111"')).toBe('"card [redacted]"');
    expect(mask("pan=4111111111111111&x")).toBe("pan=[redacted]&x");
  });

  it("mask a short code where no digit touches it (a label glued before it included), and leave longer numbers alone", () => {
    expect(mask("cvv 987.")).toBe("cvv [redacted].");
    expect(mask("987")).toBe("[redacted]");
    expect(mask("order 19870, amount 98700, cvv987, code=987")).toBe(
      "order 19870, amount 98700, cvv[redacted], code=[redacted]",
    );
    expect(mask('{"code":"\\u0039\\u0038\\u0037"}')).toBe('{"code":"[redacted]"}');
  });

  it("mask numbers in a parsed body as the text they print as", () => {
    const copy = redactDeep({ n: 4111111111111111, code: 987, amount: 12500, cvv: 987 }, mask);
    expect(copy).toEqual({ n: "[redacted]", code: "[redacted]", amount: 12500, cvv: "[redacted]" });
  });

  it("are the token's redactor itself when the body sends none", () => {
    expect(withRequestSecrets(redact, requestSecrets('{"amount":1}'))).toBe(redact);
  });

  it("never let any card number or code through, however a server spells it", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9]{12,19}$/),
        fc.stringMatching(/^[0-9]{3,4}$/),
        fc.constantFrom("", " ", "-"),
        (pan, cvv, separator) => {
          const secretsOf = requestSecrets(JSON.stringify({ data: { pan, cvv } }));
          const masked = withRequestSecrets(redact, secretsOf);
          const grouped = pan.replace(/(\d{4})(?=\d)/g, `$1${separator}`);
          const out = masked(`declined ${grouped} with ${cvv}.`);
          expect(out).not.toContain(grouped);
          expect(out).not.toMatch(new RegExp(`(^|[^0-9])${cvv}([^0-9]|$)`));
        },
      ),
    );
  });

  // From the mutation run on the request-secret code (src/internal/redact.ts, lines 300-398).
  it("mask the start of a card number a cap cut, from its sixth digit, and keep what precedes it", () => {
    expect(mask("declined 411111111")).toBe("declined [redacted]");
    expect(mask("declined 411111")).toBe("declined [redacted]");
    expect(mask("bin 41111")).toBe("bin 41111");
  });

  it("find a secret field whose name the body escapes", () => {
    expect(requestSecrets('{"\\u0070an":"4111111111111111"}')).toEqual(
      new Set(["4111111111111111"]),
    );
  });

  it("mask a secret of exactly eight characters wherever it is, glued to words too", () => {
    const eight = withRequestSecrets(redact, requestSecrets('{"secret":"abcd1234"}'));
    expect(eight("xabcd1234y")).toBe("x[redacted]");
  });

  it("mask a short secret that is not a number only where no letter or digit touches it", () => {
    const short = withRequestSecrets(redact, requestSecrets('{"secret":"ab1c9","cvc":"9xy"}'));
    expect(short("xab1c9y a9xyb")).toBe("xab1c9y a9xyb");
    expect(short("(ab1c9) 9xy.")).toBe("([redacted]) [redacted].");
  });

  it("read a short secret's characters literally, not as a pattern", () => {
    const dotted = withRequestSecrets(redact, requestSecrets('{"secret":"a.c"}'));
    expect(dotted("abc a.c")).toBe("abc [redacted]");
  });

  it("leave every other text alone, the word undefined included", () => {
    expect(mask("undefined, null and Stryker")).toBe("undefined, null and Stryker");
  });

  it("rename a header whose name holds a secret, numbering it, and keep the others", () => {
    const headers = new Headers({ "x-card-4111111111111111": "1", "x-plain": "2" });
    const safe = redactHeaders(headers, mask);
    expect([...safe.keys()].sort()).toEqual(["x-plain", "x-redacted-1"]);
  });
});

// Found by the mutation run: each case fails on a mutant of redact.ts the tests above let live.
describe("what the redactors leave alone, and what they find twice", () => {
  it("a token URL encoding leaves as it is does not mask the word undefined", () => {
    expect(redactorFor(token)("the value is undefined here")).toBe("the value is undefined here");
  });

  it("a percent-encoded token is masked each time it appears", () => {
    const odd = "tok+live/Zx9=Qr7Lm2Np4Vb6";
    const spelled = encodeURIComponent(odd);
    const out = redactorFor(odd)(`${spelled} and again ${spelled}`);
    expect(out).not.toContain(spelled);
    expect(out).not.toContain("Zx9");
  });

  it("a card's first six digits at a text's end are masked only if the rest goes on as the card", () => {
    const redact = withRequestSecrets(redactorFor(token), new Set(["4111111111111111"]));
    expect(redact("ref 411111-99")).toBe("ref 411111-99");
    // The first start in the text's last characters does not fit; a later one does.
    expect(redact("x411111a4111111")).toBe("x411111a[redacted]");
  });
});
