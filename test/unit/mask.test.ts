// The one mask of what the client hands on (src/internal/mask.ts), as properties over random
// secrets and texts: what it must hide, and what it must leave alone.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCardNumber, maskDeep, masked, maskOf } from "../../src/internal/mask.js";

/** A Luhn-valid number of `length` digits, not starting with 0, from its first digits. */
function luhnComplete(start: string): string {
  for (let check = 0; check < 10; check++) {
    if (isCardNumber(`${start}${check}`)) return `${start}${check}`;
  }
  throw new Error("no check digit");
}

// A small alphabet, so that secrets overlap, share prefixes and run into each other.
const secretChars = fc.constantFrom(..."abAB_9");
const secret = fc.string({ unit: secretChars, minLength: 8, maxLength: 24 });
const filler = fc.string({ unit: fc.constantFrom(..."ab_ -.x"), maxLength: 12 });

describe("maskOf", () => {
  it("leaves no secret of eight characters or more, in any letter case, wherever it stands", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(secret, { minLength: 1, maxLength: 30 }),
        fc.array(fc.tuple(filler, fc.nat(), fc.boolean()), { minLength: 1, maxLength: 40 }),
        (secrets, pieces) => {
          const text = pieces
            .map(([before, pick, upper]) => {
              const chosen = secrets[pick % secrets.length] as string;
              return `${before}${upper ? chosen.toUpperCase() : chosen}`;
            })
            .join("");
          const out = maskOf(secrets)(text).toLowerCase();
          for (const value of secrets) expect(out).not.toContain(value.toLowerCase());
        },
      ),
    );
  });

  it("changes nothing in a text that holds no secret, no key and no card number", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ unit: fc.constantFrom(..."qz"), minLength: 8 }), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.string({ unit: fc.constantFrom(..."abcdefgh _-.:/"), maxLength: 200 }),
        (secrets, text) => {
          expect(maskOf(secrets)(text)).toBe(text);
        },
      ),
    );
  });

  it("masks a card number however it is grouped, and the digits around it stay", () => {
    const separator = fc.constantFrom(" ", "-", ".", "+", "/", "_", ":", "%20", "%2D", "", "  ");
    fc.assert(
      fc.property(
        fc.integer({ min: 12, max: 19 }),
        fc.stringMatching(/^[1-9][0-9]{18}$/),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 8 }),
        separator,
        (length, digits, cuts, between) => {
          const card = luhnComplete(digits.slice(0, length - 1));
          let grouped = "";
          let at = 0;
          for (const cut of cuts) {
            if (at >= card.length) break;
            grouped += `${at > 0 ? between : ""}${card.slice(at, at + cut)}`;
            at += cut;
          }
          if (at < card.length) grouped += `${between}${card.slice(at)}`;
          const out = maskOf([])(`card ${grouped} ok`);
          expect(out).toBe(`card ${masked} ok`);
        },
      ),
    );
  });

  it("leaves a digit run that is no card number: one that fails the Luhn check, or starts with 0", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{12,19}$/), (digits) => {
        const out = maskOf([])(`id ${digits}`);
        expect(out).toBe(isCardNumber(digits) ? `id ${masked}` : `id ${digits}`);
      }),
    );
    expect(maskOf([])("acct_0000000000000000")).toBe("acct_0000000000000000");
  });

  it("masks a short secret (a security code) where it stands alone, not inside a longer number", () => {
    const mask = maskOf(["737"]);
    expect(mask("cvv 737, code737, 17370")).toBe(`cvv ${masked}, code${masked}, 17370`);
  });

  it("masks overlapping and nested secrets as one stretch", () => {
    const mask = maskOf(["abcabcabd", "bcabdxxxx", "cabcabd!"]);
    expect(mask("xxABCABCABDxxxxyy abcabcabcabd")).toBe(`xx${masked}yy abc${masked}`);
  });

  it("leaves a run of more than 19 digits alone, even one that passes the Luhn check", () => {
    expect(isCardNumber("12345678901234567894")).toBe(false);
    expect(maskOf([])("ref 12345678901234567894")).toBe("ref 12345678901234567894");
  });

  it("masks full-width digits as the card number they spell", () => {
    expect(maskOf([])("card ４１１１ １１１１ １１１１ １１１１")).toBe(`card ${masked}`);
  });

  it("masks a short word secret standalone in any case, never inside a word, and no value under three characters", () => {
    const mask = maskOf(["AbC", "12"]);
    expect(mask("abc ABC aBc-xyz abcd 12 month 12")).toBe(
      `${masked} ${masked} ${masked}-xyz abcd 12 month 12`,
    );
  });

  it("finds a secret behind a letter whose lower case is longer (İ)", () => {
    expect(maskOf(["secretvalue1"])("İİ SecretValue1 tail")).toBe(`İİ ${masked} tail`);
  });

  it("masks adjacent secrets as one stretch and keeps what stands between two others", () => {
    const mask = maskOf(["secret-aaaa", "secret-bbbb"]);
    expect(mask("secret-aaaasecret-bbbb")).toBe(masked);
    expect(mask("secret-aaaa--secret-bbbb")).toBe(`${masked}--${masked}`);
  });
});

describe("maskDeep", () => {
  const none = maskOf([]);

  it("keeps null, non-integers and short numbers as they are, and masks card-shaped numbers", () => {
    const masked12 = maskDeep(
      { a: null, b: [null, 1.5], c: 123456789012.5, d: 4111111111111111, e: 737, f: 5e20 },
      none,
      new Set([737]),
    );
    expect(masked12).toEqual({
      a: null,
      b: [null, 1.5],
      c: 123456789012.5,
      d: masked,
      e: masked,
      f: masked,
    });
  });

  it("keeps a __proto__ key an own property, never the copy's prototype", () => {
    const copy = maskDeep(
      JSON.parse('{"__proto__":{"polluted":true},"x":1}'),
      none,
      new Set(),
    ) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.hasOwn(copy, "__proto__")).toBe(true);
    expect((copy as { polluted?: unknown }).polluted).toBeUndefined();
    expect(copy.x).toBe(1);
  });
});
