import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createHsrcpayClient, HsrcpayError } from "../../src/index.js";
import {
  checkToken,
  classifyToken,
  envToken,
  inBrowser,
  maskToken,
} from "../../src/internal/credentials.js";
import { params } from "../helpers/fixtures.js";
import { created, observedFetch } from "../helpers/observed-fetch.js";

const alnum = fc.stringMatching(/^[A-Za-z0-9]{8,40}$/);

describe("classifyToken", () => {
  it.each([
    ["sk_test_4eC39HqLyjWDarjtT1zdp7dc", "secret", "sandbox"],
    ["sk_live_4eC39HqLyjWDarjtT1zdp7dc", "secret", "live"],
    ["acct_prefix_sk_live_abc", "secret", "live"],
    ["pk_test_TYooMQauvdEDq54NiTphI7jx", "publishable", "sandbox"],
    ["pk_live_TYooMQauvdEDq54NiTphI7jx", "publishable", "live"],
    ["eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl", "jwt", "live"],
    ["opaque-token-value", "unknown", "live"],
  ])("%s is %s in %s mode", (token, kind, mode) => {
    expect(classifyToken(token)).toEqual({ kind, mode });
  });

  it("finds sk_ only within the first 32 characters", () => {
    fc.assert(
      fc.property(fc.nat(40), alnum, (offset, tail) => {
        const token = `${"x".repeat(offset)}sk_${tail}`;
        const expected = offset + 3 <= 32 ? "secret" : "unknown";
        expect(classifyToken(token).kind).toBe(expected);
      }),
    );
  });

  it("calls any token with _test_ sandbox", () => {
    fc.assert(
      fc.property(alnum, alnum, (a, b) => {
        expect(classifyToken(`${a}_test_${b}`).mode).toBe("sandbox");
        expect(classifyToken(`${a}${b}`).mode).toBe("live");
      }),
    );
  });
});

describe("maskToken", () => {
  it("keeps the prefix and last four characters only", () => {
    expect(maskToken("sk_test_4eC39HqLyjWDarjtT1zdp7dc9f2c")).toBe("sk_test_…9f2c");
    expect(maskToken("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl")).toBe("eyJ…dXJl");
    expect(maskToken("short")).toBe("…");
  });
});

describe("where the credential comes from", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.unstubAllGlobals();
  });

  it("falls back to HSRCPAY_API_KEY", async () => {
    vi.stubEnv("HSRCPAY_API_KEY", "sk_live_fromTheEnvironment1234");
    const fetch = observedFetch(() => created());
    const hsrcpay = createHsrcpayClient({ fetch });
    expect(hsrcpay.credential).toEqual({ kind: "secret", mode: "live" });
    await hsrcpay.apiKeys.create(params);
    expect(fetch.calls[0]?.headers.get("authorization")).toBe(
      "Bearer sk_live_fromTheEnvironment1234",
    );
  });

  it("says how to provide one when there is none", () => {
    vi.stubEnv("HSRCPAY_API_KEY", undefined);
    expect(() => createHsrcpayClient()).toThrow(
      /No HSRCPAY credential.*pass token to createHsrcpayClient or set HSRCPAY_API_KEY/,
    );
    expect(() => createHsrcpayClient({ token: "" })).toThrow(/an empty string/);
  });

  it("rejects a token with a trailing newline without echoing it", () => {
    const error = (() => {
      try {
        createHsrcpayClient({ token: "sk_test_secretvalue1234\n" });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(HsrcpayError);
    expect(error?.message).toMatch(/whitespace/);
    expect(error?.message).not.toContain("secretvalue");
  });

  it("calls a token function per request, so rotated JWTs are picked up", async () => {
    const tokens = ["aaa.bbb.ccc", "ddd.eee.fff"];
    let i = 0;
    const fetch = observedFetch(() => created());
    const hsrcpay = createHsrcpayClient({ token: async () => tokens[i++] ?? "", fetch });
    expect(hsrcpay.credential).toBeUndefined();
    await hsrcpay.apiKeys.create(params);
    await hsrcpay.apiKeys.create(params);
    expect(fetch.calls.map((c) => c.headers.get("authorization"))).toEqual([
      "Bearer aaa.bbb.ccc",
      "Bearer ddd.eee.fff",
    ]);
    expect(hsrcpay.credential).toEqual({ kind: "jwt", mode: "live" });
  });

  it("wraps a token function that throws, and sends nothing", async () => {
    const fetch = observedFetch(() => created());
    const cause = new Error("auth provider down");
    const hsrcpay = createHsrcpayClient({ token: () => Promise.reject(cause), fetch });
    const error = (await hsrcpay.apiKeys.create(params).catch((e: unknown) => e)) as HsrcpayError;
    expect(error).toBeInstanceOf(HsrcpayError);
    expect(error.message).toBe("The token function failed; nothing was sent");
    expect(error.cause).toBe(cause);
    expect(fetch.calls).toHaveLength(0);
  });

  it("reports a token function that returns nothing, before sending", async () => {
    const fetch = observedFetch(() => created());
    const hsrcpay = createHsrcpayClient({ token: () => "", fetch });
    await expect(hsrcpay.apiKeys.create(params)).rejects.toThrow(
      /the token function gave an empty string/,
    );
    expect(fetch.calls).toHaveLength(0);
  });
});

describe("in a browser", () => {
  afterEach(() => vi.unstubAllGlobals());
  const pretendBrowser = () => vi.stubGlobal("window", { document: {} });

  it("refuses a secret key, saying why", () => {
    pretendBrowser();
    expect(() => createHsrcpayClient({ token: "sk_test_4eC39HqLyjWDarjtT1zdp7dc" })).toThrow(
      /every visitor.*dangerouslyAllowBrowser/,
    );
  });

  it("refuses a secret key from a token function before sending it", async () => {
    pretendBrowser();
    const fetch = observedFetch(() => created());
    const hsrcpay = createHsrcpayClient({ token: () => "sk_live_4eC39HqLyjWDarjtT1zdp7dc", fetch });
    await expect(hsrcpay.apiKeys.create(params)).rejects.toThrow(
      /Refusing to use a secret HSRCPAY key in a browser/,
    );
    expect(fetch.calls).toHaveLength(0);
  });

  it("allows a secret key with dangerouslyAllowBrowser, and JWTs and publishable keys always", () => {
    pretendBrowser();
    expect(
      createHsrcpayClient({
        token: "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
        dangerouslyAllowBrowser: true,
      }).credential?.kind,
    ).toBe("secret");
    expect(createHsrcpayClient({ token: "aaa.bbb.ccc" }).credential?.kind).toBe("jwt");
    expect(
      createHsrcpayClient({ token: "pk_test_TYooMQauvdEDq54NiTphI7jx" }).credential?.kind,
    ).toBe("publishable");
  });
});

describe("checkToken", () => {
  it.each([
    [undefined, "No HSRCPAY credential: the env gave nothing."],
    [null, "No HSRCPAY credential: the env gave nothing."],
    ["", "No HSRCPAY credential: the env gave an empty string."],
    [42, "No HSRCPAY credential: the env gave a number, not a string."],
    [{}, "No HSRCPAY credential: the env gave an object, not a string."],
  ])("says what it got instead of a token: %o", (value, message) => {
    expect(() => checkToken(value, "the env")).toThrow(new HsrcpayError(message));
  });

  it.each([
    ["a leading space", " sk_test_4eC39HqLyjWDarjtT1zd"],
    ["a trailing space", "sk_test_4eC39HqLyjWDarjtT1zd "],
    ["a space inside", "sk_test_4eC39 HqLyjWDarjtT1zd"],
    ["a non-ascii letter", "sk_test_4eC39HqLyjWDarjtT1zé"],
    ["only a tab", "\t"],
  ])("refuses a token with %s, naming the source", (_, value) => {
    expect(() => checkToken(value, "HSRCPAY_API_KEY")).toThrow(
      new HsrcpayError(
        "The HSRCPAY credential from HSRCPAY_API_KEY contains whitespace or non-ASCII characters; check for a trailing newline.",
      ),
    );
  });

  it("returns any visible-ASCII token unchanged, however short", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[\x21-\x7e]{1,64}$/), (value) => {
        expect(checkToken(value, "x")).toBe(value);
      }),
    );
  });
});

describe("the JWT shape", () => {
  it.each([
    ["aa.bb.cc", "jwt"],
    ["a-_.B9.z_-", "jwt"],
    ["a..c", "unknown"],
    [".b.c", "unknown"],
    ["a.b.", "unknown"],
    ["a.b", "unknown"],
    ["a.b.c.d", "unknown"],
    ["!a.b.c", "unknown"],
    ["a.b.c!", "unknown"],
    ["a.b!.c", "unknown"],
    ["a.b.c\n", "unknown"],
  ])("%j is %s", (value, kind) => {
    expect(classifyToken(value).kind).toBe(kind);
  });

  it("calls any three dot-separated base64url segments a JWT", () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9_-]{1,30}$/);
    fc.assert(
      fc.property(segment, segment, segment, (a, b, c) => {
        expect(classifyToken(`${a}.${b}.${c}`).kind).toBe("jwt");
      }),
    );
  });
});

describe("maskToken at the length boundary", () => {
  it.each([
    ["sk_test_1234567", "…"],
    ["sk_test_12345678", "sk_test_…5678"],
    ["pk_live_12345678", "pk_live_…5678"],
    ["abcdefghijklmnop", "abc…mnop"],
    ["xxsk_test_abcdefghijkl", "xxs…ijkl"],
    ["sk_prod_abcdefghijkl", "sk_…ijkl"],
  ])("masks %s as %s", (value, masked) => {
    expect(maskToken(value)).toBe(masked);
  });
});

describe("inBrowser", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("is false in Node", () => {
    expect(inBrowser()).toBe(false);
  });

  it.each([
    ["a window with a document", { document: {} }, true],
    ["a window without a document", {}, false],
    ["a null window", null, false],
    [
      "a function called window, even with a document",
      Object.assign(() => {}, { document: {} }),
      false,
    ],
  ])("with %s: %s", (_, window, expected) => {
    expect(inBrowser({ window })).toBe(expected);
  });

  // What each server runtime sets and a browser's worker does not (seen in each runtime by
  // `npm run test:runtimes`), and look-alikes a browser could have.
  const serverMarks = {
    navigator: { userAgent: "Cloudflare-Workers" },
    EdgeRuntime: "edge-runtime",
    Deno: { version: { deno: "2.9.6" } },
    Bun: { version: "1.4.5" },
    process: { versions: { node: "24.11.0" } },
  };
  const lookAlikes = {
    navigator: { userAgent: "Mozilla/5.0 (X11; Linux x86_64) Cloudflare-Workers" },
    EdgeRuntime: { id: "EdgeRuntime" }, // an element with that id, named on window
    Deno: { id: "Deno" },
    Bun: {},
    process: { env: {}, versions: {} }, // a bundler's process polyfill
  };
  const worker = { WorkerGlobalScope: class {} };

  it.each(Object.entries(serverMarks))(
    "a worker scope with the server mark %s is not a browser",
    (name, mark) => {
      expect(inBrowser({ ...worker, [name]: mark })).toBe(false);
    },
  );

  it.each(Object.entries(lookAlikes))(
    "a worker scope with a look-alike %s is still a browser",
    (name, lookAlike) => {
      expect(inBrowser({ ...worker, [name]: lookAlike })).toBe(true);
    },
  );

  it("is true in a browser's worker, which has none of the marks", () => {
    expect(inBrowser(worker)).toBe(true);
  });

  // Each global either absent, a server's mark or a browser's look-alike.
  const scopes = fc.record(
    Object.fromEntries(
      Object.keys(serverMarks).map((name) => [
        name,
        fc.constantFrom("absent", "mark", "look-alike"),
      ]),
    ),
  );
  const build = (choices: Record<string, string>, base: object) => {
    const scope: Record<string, unknown> = { ...base };
    for (const [name, choice] of Object.entries(choices)) {
      if (choice === "mark") scope[name] = serverMarks[name as keyof typeof serverMarks];
      if (choice === "look-alike") scope[name] = lookAlikes[name as keyof typeof lookAlikes];
    }
    return scope;
  };

  it("calls a worker scope a browser unless one server mark at least is there", () => {
    fc.assert(
      fc.property(scopes, (choices) => {
        const marked = Object.values(choices).includes("mark");
        expect(inBrowser(build(choices, worker))).toBe(!marked);
      }),
    );
  });

  it("calls a page a browser whatever marks it has, and no mark makes a browser", () => {
    fc.assert(
      fc.property(scopes, (choices) => {
        expect(inBrowser(build(choices, { window: { document: {} } }))).toBe(true);
        expect(inBrowser(build(choices, { window: {} }))).toBe(false);
      }),
    );
  });
});

describe("the secret-key guard in createHsrcpayClient", () => {
  afterEach(() => vi.unstubAllGlobals());
  const secret = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";

  it("accepts a secret key in a worker scope on a server (Node here)", () => {
    vi.stubGlobal("WorkerGlobalScope", class {});
    expect(createHsrcpayClient({ token: secret }).credential?.kind).toBe("secret");
  });

  it("refuses a secret key in a browser's worker, unless dangerouslyAllowBrowser", () => {
    vi.stubGlobal("WorkerGlobalScope", class {});
    // Restored before anything else runs: vitest itself needs process.
    vi.stubGlobal("process", { env: {} });
    let refused: unknown;
    let allowed: unknown;
    try {
      refused = rejectionOfSync(() => createHsrcpayClient({ token: secret }));
      allowed = createHsrcpayClient({ token: secret, dangerouslyAllowBrowser: true }).credential;
    } finally {
      vi.unstubAllGlobals();
    }
    expect(refused).toBeInstanceOf(HsrcpayError);
    expect((refused as Error).message).toMatch(/Refusing to use a secret HSRCPAY key in a browser/);
    expect(allowed).toEqual({ kind: "secret", mode: "sandbox" });
  });
});

describe("envToken", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("reads HSRCPAY_API_KEY", () => {
    vi.stubEnv("HSRCPAY_API_KEY", "sk_live_fromTheEnvironment1234");
    expect(envToken()).toBe("sk_live_fromTheEnvironment1234");
    vi.unstubAllEnvs();
  });

  it.each([
    ["no process", {}],
    ["a process without env", { process: {} }],
  ])("gives undefined with %s", (_, scope) => {
    expect(envToken(scope)).toBeUndefined();
  });

  // Deno without --allow-env: reading a variable throws Deno.errors.NotCapable.
  class NotCapable extends Error {}
  const deniedEnv = () =>
    new Proxy(
      {},
      {
        get() {
          throw new NotCapable('Requires env access to "HSRCPAY_API_KEY"');
        },
      },
    );

  it("turns a denied read into an HsrcpayError that says what to do", () => {
    const error = rejectionOfSync(() => envToken({ process: { env: deniedEnv() } }));
    expect(error).toBeInstanceOf(HsrcpayError);
    expect((error as Error).message).toBe(
      "Could not read HSRCPAY_API_KEY: the runtime denied access to the environment. " +
        "Pass token to createHsrcpayClient, or allow reading that variable (Deno: --allow-env=HSRCPAY_API_KEY).",
    );
    expect((error as Error).cause).toBeInstanceOf(NotCapable);
  });

  it("lets createHsrcpayClient throw that error when no token is given, and not read env with one", () => {
    vi.stubGlobal("process", { env: deniedEnv(), versions: { node: "24.11.0" } });
    let withoutToken: unknown;
    let withToken: unknown;
    try {
      withoutToken = rejectionOfSync(() => createHsrcpayClient());
      withToken = createHsrcpayClient({ token: "sk_test_4eC39HqLyjWDarjtT1zdp7dc" }).credential;
    } finally {
      vi.unstubAllGlobals();
    }
    expect(withoutToken).toBeInstanceOf(HsrcpayError);
    expect((withoutToken as Error).message).toMatch(/--allow-env=HSRCPAY_API_KEY/);
    expect(withToken).toEqual({ kind: "secret", mode: "sandbox" });
  });
});

/** What `run` throws; fails the test when it returns instead. */
function rejectionOfSync(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to throw, and it returned");
}
