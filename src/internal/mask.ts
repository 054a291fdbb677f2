// What is masked in the few strings of a server's answer that the client hands on (an error's
// message and details, a request id, the allow-listed header values, a debug line's body start):
// - the call's secrets, exactly: the token (and its percent-encoded form), every value the request
//   sent in a secret field, every value under a secret field name in the answer (case-insensitive
//   for values of eight characters or more; a shorter one, such as a security code, where it
//   stands alone);
// - anything shaped like an HSRCPAY key (`sk_test_…`);
// - a card number: a run of 12 to 19 digits, grouped by any separators, that passes the Luhn check.
// Nothing else of the server's text reaches the caller (see answer.ts), so this is a closed list
// rather than a hunt for spellings. Each pass is linear in the text, whatever the number of secrets.
// The secret fields are the properties the spec marks `x-hsrcpay-secret` (generated/operations.ts).
import { secretFields as generatedSecretFields } from "../../generated/operations.js";

export type Mask = (text: string) => string;

export const secretFields: ReadonlySet<string> = new Set(generatedSecretFields);

/** What a secret, or anything shaped like one, is replaced with. */
export const masked = "[redacted]";

/** A secret this long is masked wherever it appears; a shorter one only where it stands alone. */
const wholeLength = 8;
/** Shorter than this, a value is masked in its own field only: it would eat ordinary words. */
const shortest = 3;

const keyShaped = /(?:sk|pk)_(?:test|live)_[A-Za-z0-9]+/g;
// Digits (ASCII or full-width) joined by up to three separators each: a space, a dash, a dot, a
// plus, a slash, an underscore, a colon, or a percent-encoded byte (`%20`).
const digitRun = /[0-9０-９](?:(?:[^\S\n]|[-.+/_:]|%[0-9A-Fa-f]{2}){0,3}[0-9０-９])*/g;
const digit = /[0-9０-９]/g;

/**
 * Whether `digits` could be a card number: 12 to 19 of them, not starting with 0 (no card network's
 * numbers do: a run of zeros in an id is not a card), passing the Luhn check as every card number does.
 */
export function isCardNumber(digits: string): boolean {
  if (digits.length < 12 || digits.length > 19 || digits[0] === "0") return false;
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let value = digits.charCodeAt(digits.length - 1 - index) - 48;
    if (index % 2 === 1) value = value * 2 > 9 ? value * 2 - 9 : value * 2;
    sum += value;
  }
  return sum % 10 === 0;
}

/**
 * Card numbers masked: in each run, the longest 12 to 19 consecutive digits, whole groups of them
 * from a group's start, that could be a card number.
 */
function maskCards(text: string): string {
  return text.replace(digitRun, (run) => {
    if (run.length < 12) return run;
    // The digit groups of the run (a `%XX` separator's hex digits are no digits of the number).
    const groups: { digits: string; start: number; end: number }[] = [];
    for (const group of run.matchAll(/%[0-9A-Fa-f]{2}|[0-9０-９]+/g)) {
      if (group[0][0] === "%") continue;
      const digits = group[0].replace(digit, (d) => String(d.charCodeAt(0) & 0xf));
      groups.push({ digits, start: group.index, end: group.index + group[0].length });
    }
    let out = "";
    let copied = 0;
    for (let first = 0; first < groups.length; first++) {
      let digits = "";
      let end = -1;
      let next = first;
      for (let last = first; last < groups.length && digits.length < 19; last++) {
        const group = groups[last] as (typeof groups)[number];
        digits += group.digits;
        if (isCardNumber(digits)) [end, next] = [group.end, last];
      }
      if (end === -1) continue;
      out += `${run.slice(copied, (groups[first] as (typeof groups)[number]).start)}${masked}`;
      copied = end;
      first = next;
    }
    return copied === 0 ? run : out + run.slice(copied);
  });
}

/**
 * The mask for a call: `secrets` (the token, the request's secret values, the answer's) and the
 * shapes every call masks. Built per call from what it knows; cheap when there is nothing to find.
 */
export function maskOf(secrets: readonly string[]): Mask {
  // The same list is asked for again within a call, and on every call of a client with a fixed
  // token whose requests send no secret (see tokenForms).
  let mask = masks.get(secrets);
  if (mask === undefined) {
    mask = makeMask(secrets);
    masks.set(secrets, mask);
  }
  return mask;
}

const masks = new WeakMap<readonly string[], Mask>();

function makeMask(secrets: readonly string[]): Mask {
  const long: string[] = [];
  const short: string[] = [];
  for (const secret of secrets) {
    if (secret.length >= wholeLength) long.push(lowerOf(secret));
    else if (secret.length >= shortest) short.push(lowerOf(secret));
  }
  const matcher = long.length === 0 ? undefined : new Matcher(long);
  const alone = short.length === 0 ? undefined : new Set(short);
  return (text) => {
    let out = matcher === undefined ? text : cut(text, matcher);
    if (alone !== undefined) {
      out = out.replace(/[A-Za-z0-9]+/g, (word) => (alone.has(word.toLowerCase()) ? masked : word));
      // A number glued to a label (`cvv737`) still stands alone as a number.
      out = out.replace(/[0-9]+/g, (number) => (alone.has(number) ? masked : number));
    }
    if (out.includes("_test_") || out.includes("_live_")) out = out.replace(keyShaped, masked);
    return maskCards(out);
  };
}

const lowerEach = (char: string) => (char.toLowerCase().length === 1 ? char.toLowerCase() : char);

/**
 * `text` lower-cased, the same length: where lower-casing would change the length (`İ` becomes
 * two characters), one character at a time, such a letter kept as it is. Secrets and the text are
 * lowered alike, so positions in the search are positions in the text and `İ` still matches.
 */
function lowerOf(text: string): string {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : text.replace(/[\s\S]/g, lowerEach);
}

/** `text` with every secret the matcher finds in it, in any letter case, masked. */
function cut(text: string, matcher: Matcher): string {
  const cuts = matcher.cuts(lowerOf(text));
  if (cuts.length === 0) return text;
  let out = "";
  let copied = 0;
  for (let index = 0; index < cuts.length; index += 2) {
    out += `${text.slice(copied, cuts[index])}${masked}`;
    copied = cuts[index + 1] as number;
  }
  return out + text.slice(copied);
}

/**
 * Every occurrence of any of the secrets, in any letter case, found in one pass over the text
 * (Aho-Corasick): the cost grows with the text and the secrets' total length, never with their
 * product, however many secrets share a prefix (a body of thousands of `whsec_…` values).
 */
class Matcher {
  /** The transitions of every state, keyed by state × 2^16 + the next character's code. */
  readonly #next = new Map<number, number>();
  /** Each state's children's characters, for the breadth-first pass that sets the fallbacks. */
  readonly #children: number[][] = [[]];
  /** Where a state falls back to when its next character does not follow. */
  readonly #fail: number[] = [0];
  /** The longest secret that ends at a state, through its fallbacks (0: none). */
  readonly #longest: number[] = [0];

  constructor(secrets: readonly string[]) {
    for (const secret of secrets) {
      let state = 0;
      for (let index = 0; index < secret.length; index++) {
        const code = secret.charCodeAt(index);
        let to = this.#next.get(state * 0x10000 + code);
        if (to === undefined) {
          to = this.#fail.push(0) - 1;
          this.#longest.push(0);
          this.#children.push([]);
          this.#next.set(state * 0x10000 + code, to);
          (this.#children[state] as number[]).push(code);
        }
        state = to;
      }
      this.#longest[state] = Math.max(this.#longest[state] as number, secret.length);
    }
    // Breadth first, so that a state's fallback is settled before the states below it (the
    // root's own children fall back to the root).
    const queue = (this.#children[0] as number[]).map((code) => this.#next.get(code) as number);
    for (let index = 0; index < queue.length; index++) {
      const state = queue[index] as number;
      for (const code of this.#children[state] as number[]) {
        const to = this.#next.get(state * 0x10000 + code) as number;
        this.#fail[to] = this.#step(this.#fail[state] as number, code);
        this.#longest[to] = Math.max(
          this.#longest[to] as number,
          this.#longest[this.#fail[to] as number] as number,
        );
        queue.push(to);
      }
    }
  }

  /** The state after the character `code` from `state`, falling back as needed. */
  #step(state: number, code: number): number {
    for (let at = state; ; at = this.#fail[at] as number) {
      const to = this.#next.get(at * 0x10000 + code);
      if (to !== undefined) return to;
      if (at === 0) return 0;
    }
  }

  /** Where the secrets stand in `search`, found in one pass. */
  cuts(search: string): number[] {
    const cuts: number[] = [];
    let state = 0;
    for (let at = 0; at < search.length; at++) {
      state = this.#step(state, search.charCodeAt(at));
      const length = this.#longest[state] as number;
      if (length === 0) continue;
      // Merged with the stretch before where they touch or overlap.
      const last = cuts.length - 1;
      if (last > 0 && at + 1 - length <= (cuts[last] as number)) cuts[last] = at + 1;
      else cuts.push(at + 1 - length, at + 1);
    }
    return cuts;
  }
}

/** The token's own spellings in text: as sent, and percent-encoded where that changes it. */
export function tokenForms(token: string): readonly string[] {
  // A client with a fixed token asks for the same forms on every call.
  if (token !== lastToken) {
    const encoded = encodeURIComponent(token);
    lastForms = encoded === token ? [token] : [token, encoded];
    lastToken = token;
  }
  return lastForms;
}

let lastToken: string | undefined;
let lastForms: readonly string[] = [];

/**
 * The values of secret fields anywhere in a parsed JSON value: a string or a number, or every one
 * inside an object or array a secret field holds. Iterative: a hostile body nested ten thousand
 * levels deep cannot overflow the stack.
 */
export function secretValues(value: unknown): string[] {
  const found: string[] = [];
  const stack: [unknown, boolean][] = [[value, false]];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [item, secret] = next;
    if (secret && (typeof item === "string" || typeof item === "number")) found.push(String(item));
    else if (typeof item === "object" && item !== null) {
      for (const [key, child] of Object.entries(item)) {
        stack.push([child, secret || secretFields.has(key)]);
      }
    }
  }
  return found;
}

const secretName = new RegExp(`"(?:${[...secretFields].join("|")})"|\\\\u`);

/** Whether JSON text may hold a secret field: its name in quotes, or any `\u` escape. */
export function mayHoldSecrets(text: string): boolean {
  return secretName.test(text);
}

/**
 * A parsed JSON value with `mask` applied to every string (keys included) and a secret field's
 * value replaced whole; a number that could be a card number, or that equals a numeric secret,
 * is masked too (a free-form map, such as an error's `details`, has no typed fields). Copies with
 * defineProperty, so that a `"__proto__"` key stays an own property. Iterative.
 */
export function maskDeep(value: unknown, mask: Mask, numbers: ReadonlySet<number>): unknown {
  const root: Record<string, unknown> = {};
  const stack: [unknown, Record<string, unknown> | unknown[], string | number][] = [
    [value, root, "value"],
  ];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [item, parent, slot] = next;
    let copy: unknown = item;
    if (typeof item === "string") copy = mask(item);
    else if (typeof item === "number") {
      // Twelve digits or more: a card number if it passes the Luhn check; past 2^53 JSON.parse
      // rounded it, so nothing exact is left to check and it is masked.
      const card =
        Number.isInteger(item) &&
        Math.abs(item) >= 1e11 &&
        (!Number.isSafeInteger(item) || isCardNumber(String(Math.abs(item))));
      if (card || numbers.has(item)) copy = masked;
    } else if (Array.isArray(item)) {
      const array: unknown[] = new Array(item.length);
      for (let index = 0; index < item.length; index++) stack.push([item[index], array, index]);
      copy = array;
    } else if (item !== null && typeof item === "object") {
      const object: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(item)) {
        const name = mask(key);
        define(object, name, masked);
        if (!secretFields.has(key)) stack.push([child, object, name]);
      }
      copy = object;
    }
    if (Array.isArray(parent)) parent[slot as number] = copy;
    else define(parent, slot as string, copy);
  }
  return root.value;
}

function define(object: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(object, name, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}
