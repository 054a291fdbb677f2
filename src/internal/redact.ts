// Secret hygiene for everything the client hands back besides the data it asked for: errors,
// `lastResponse`, log lines and `raw`'s failure bodies. Bodies and headers come from the server or a
// proxy, which may echo the Authorization header or (on a broken 2xx) the new plaintext key.
//
// Two layers. The token's redactor (`redactorFor`) removes the call's token (in the clear, however a
// URL or JSON spelled it), anything shaped like an HSRCPAY key, and the string values of secret
// fields in JSON text. A response's redactor (`responseRedactor`) adds the values of that response's
// secret fields, whatever they look like, wherever else they appear in it: in other strings,
// headers, the status line, and inside JSON escapes (`\u0068sk_…`). The secret fields are the
// properties the spec marks `x-hsrcpay-secret` (generated/operations.ts).
import { secretFields as generatedSecretFields } from "../../generated/operations.js";
import { maskToken } from "./credentials.js";

export type Redact = (text: string) => string;

/** Property names whose values are secrets wherever they appear in a response. */
export const secretFields: ReadonlySet<string> = new Set(generatedSecretFields);

/** What a secret field's value, or an echo of it, is replaced with. */
export const redactedValue = "[redacted]";

/**
 * A secret value shorter than this is masked in its own field only: masking every occurrence of a
 * two-letter value would eat ordinary words in messages. No key format is that short.
 */
const minEchoLength = 8;

// No word boundary: a key glued to other characters (`tokensk_live_…`) is still a key.
const apiKeyLike = /(?:sk|pk)_(?:test|live)_[A-Za-z0-9]+/g;
// A secret field's string value in JSON text; the closing quote is optional (truncated JSON).
const secretMember = new RegExp(
  `"(?:${[...secretFields].join("|")})"\\s*:\\s*"(?:[^"\\\\]|\\\\.)*"?`,
  "g",
);
const quotedSecretFields = [...secretFields].map((name) => `"${name}"`);
// Headers whose whole value is a credential, whatever it looks like.
const credentialHeaders = new Set(["authorization", "proxy-authorization", "cookie", "set-cookie"]);

/** Removes the token in use, anything shaped like an HSRCPAY key, and secret fields' values. */
export function redactorFor(token: string): Redact {
  // A client with a fixed token asks for the same redactor on every call.
  if (token === lastToken && lastRedactor !== undefined) return lastRedactor;
  lastRedactor = makeRedactor(token);
  lastToken = token;
  return lastRedactor;
}

let lastToken: string | undefined;
let lastRedactor: Redact | undefined;

function makeRedactor(token: string): Redact {
  const masked = maskToken(token);
  // A token passed by mistake as an id is in the path percent-encoded where it has `+`, `/`, `=`;
  // a server may echo that with lower-case hex, or encode it once more.
  const encoded = encodeURIComponent(token) === token ? undefined : encodedForms(token);
  // Every header of every answer passes through here: the includes() checks skip the copies and
  // regular expressions for the common text that holds nothing to hide.
  const plain: Redact = (text) => {
    let out = text.includes(token) ? text.split(token).join(masked) : text;
    if (encoded && out.includes("%")) out = out.replace(encoded, masked);
    if (quotedSecretFields.some((name) => out.includes(name))) {
      out = out.replace(
        secretMember,
        (member) => `${member.slice(0, member.indexOf('"', 1) + 1)}:"${redactedValue}"`,
      );
    }
    if (out.includes("_test_") || out.includes("_live_")) {
      out = out.replace(apiKeyLike, (match) => maskToken(match));
    }
    return out;
  };
  return (text) => {
    const out = plain(text);
    return out.includes("\\") ? throughEscapes(out, plain) : out;
  };
}

/** The token with each character URL encoding changes also matched as %XX or %25XX, any case. */
function encodedForms(token: string): RegExp {
  let source = "";
  for (const char of token) {
    const escaped = char.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
    if (encodeURIComponent(char) === char) source += escaped;
    else {
      const hex = char.charCodeAt(0).toString(16).padStart(2, "0");
      const anyCase = [...hex].map((digit) => `[${digit.toLowerCase()}${digit.toUpperCase()}]`);
      source += `(?:${escaped}|%(?:25)?${anyCase.join("")})`;
    }
  }
  return new RegExp(source, "g");
}

// A run of text between raw quotes, escape pairs included: inside a JSON string or not, it is
// where an escape (`\u0074`, `\/`) can spell a secret out of sight of a plain search.
const quoteFreeRun = /(?:[^"\\]|\\[\s\S])+/g;
const escapePair = /\\(?:u([0-9a-fA-F]{4})|([^u]))/g;
const shortEscapes: Record<string, string> = { b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

/** JSON's escapes read, leniently: one JSON would refuse (`\x`) stays as it is written. */
function decodeEscapes(text: string): string {
  return text.replace(escapePair, (pair, hex: string | undefined, char: string) =>
    hex !== undefined
      ? String.fromCharCode(Number.parseInt(hex, 16))
      : char in shortEscapes
        ? (shortEscapes[char] as string)
        : `"\\/`.includes(char)
          ? char
          : pair,
  );
}

/** Text as JSON string content, in ASCII (a header value must stay a ByteString). */
function encodeContent(text: string): string {
  return JSON.stringify(text)
    .slice(1, -1)
    .replace(
      /[\u007f-\uffff]/g,
      (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
    );
}

/** Applies `redact` to what each escaped run of `text` spells; a run it changes is re-encoded. */
function throughEscapes(text: string, redact: Redact): string {
  return text.replace(quoteFreeRun, (run) => {
    if (!run.includes("\\")) return run;
    const read = decodeEscapes(run);
    const clean = redact(read);
    return clean === read ? run : encodeContent(clean);
  });
}

/**
 * Applies `redact` to every string inside a parsed JSON value, keys included, and to each number as
 * it prints (a number `redact` would change becomes the masked string), and replaces the value of
 * every secret field. Copies with defineProperty, so a `"__proto__"` key stays an own
 * property instead of setting the prototype. Iterative: a hostile body nested ten thousand levels
 * deep would overflow the stack of a recursive copy.
 */
export function redactDeep<T>(value: T, redact: Redact): T {
  const root: Record<string, unknown> = {};
  const stack: [unknown, Record<string, unknown> | unknown[], string | number][] = [
    [value, root, "value"],
  ];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [item, parent, slot] = next;
    let copy: unknown = item;
    if (typeof item === "string") copy = redact(item);
    else if (typeof item === "number") {
      // A card number or code echoed as a JSON number: masked as the text it would print as. A
      // whole number past 2^53 was already rounded by JSON.parse (a 19-digit card number keeps
      // only its first digits), so it cannot be matched: it is masked, as nothing exact is left.
      const text = String(item);
      const masked =
        Number.isInteger(item) && !Number.isSafeInteger(item) ? redactedValue : redact(text);
      if (masked !== text) copy = masked;
    } else if (Array.isArray(item)) {
      const array: unknown[] = new Array(item.length);
      for (let index = 0; index < item.length; index++) stack.push([item[index], array, index]);
      copy = array;
    } else if (item !== null && typeof item === "object") {
      const object: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(item)) {
        const name = redact(key);
        define(object, name, undefined);
        if (secretFields.has(key)) define(object, name, redactedValue);
        else stack.push([child, object, name]);
      }
      copy = object;
    }
    if (Array.isArray(parent)) parent[slot as number] = copy;
    else define(parent, slot as string, copy);
  }
  return root.value as T;
}

function define(object: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(object, name, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/**
 * The values of secret fields anywhere in a parsed JSON value: a string or a number, or every
 * string and number inside an object or array a secret field holds. Iterative, like `redactDeep`.
 */
export function secretValues(
  value: unknown,
  found: Set<string> = new Set(),
  minLength = minEchoLength,
): Set<string> {
  const stack: [unknown, boolean][] = [[value, false]];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [item, secret] = next;
    if (secret && (typeof item === "string" || typeof item === "number")) {
      const text = String(item);
      if (text.length >= minLength) found.add(text);
    } else if (Array.isArray(item)) {
      for (const child of item) stack.push([child, secret]);
    } else if (item !== null && typeof item === "object") {
      for (const [key, child] of Object.entries(item)) {
        stack.push([child, secret || secretFields.has(key)]);
      }
    }
  }
  return found;
}

// A secret field and its value in text that does not parse as JSON (cut at the cap, or not JSON):
// the name as JSON may spell it (each letter itself or a \u escape), then a string or a number.
const secretMemberSpelled = new RegExp(
  `"(?:${[...secretFields]
    .map((name) =>
      [...name].map((char) => `(?:${char}|\\\\u00${char.charCodeAt(0).toString(16)})`).join(""),
    )
    .join("|")})"\\s*:\\s*(?:"((?:[^"\\\\]|\\\\.)*)"?|(-?\\d[\\d.eE+-]*))`,
  "gi",
);

/** The values of secret fields in a response body: from the parsed JSON, or found by their names. */
export function secretsIn(text: string, minLength = minEchoLength): Set<string> {
  try {
    return secretValues(JSON.parse(text), new Set(), minLength);
  } catch {
    const found = new Set<string>();
    for (const [, quoted, number] of text.matchAll(secretMemberSpelled)) {
      const value = quoted === undefined ? (number as string) : decodeEscapes(quoted);
      if (value.length >= minLength) found.add(value);
    }
    return found;
  }
}

// What may follow a secret's start and still be part of it (a value cut at the body cap is only
// its start: the rest, echoed elsewhere, goes with it).
const secretTail = /[A-Za-z0-9_\-+/=]/;

/**
 * Masks every occurrence of `secrets` in a text, and the secret-like characters that follow one.
 * Indexed by each secret's first characters, so that its cost grows with the text, not with the
 * number of secrets times the text (a body can hold a hundred thousand secret fields).
 */
function secretMasker(secrets: ReadonlySet<string>): Redact {
  const byStart = new Map<string, string[]>();
  for (const secret of secrets) {
    const start = secret.slice(0, minEchoLength);
    byStart.set(start, [...(byStart.get(start) ?? []), secret]);
  }
  for (const bucket of byStart.values()) bucket.sort((a, b) => b.length - a.length);
  return (text) => {
    let out = "";
    let copied = 0;
    for (let at = 0; at + minEchoLength <= text.length; ) {
      const hit = byStart
        .get(text.slice(at, at + minEchoLength))
        ?.find((s) => text.startsWith(s, at));
      if (hit === undefined) {
        at++;
        continue;
      }
      let end = at + hit.length;
      while (end < text.length && secretTail.test(text[end] as string)) end++;
      out += `${text.slice(copied, at)}${redactedValue}`;
      copied = at = end;
    }
    return copied === 0 ? text : out + text.slice(copied);
  };
}

/** `redact`, and every occurrence of `secrets` masked: in the clear, and inside JSON escapes. */
export function withSecrets(redact: Redact, secrets: ReadonlySet<string>): Redact {
  if (secrets.size === 0) return redact;
  const mask = secretMasker(secrets);
  // Escapes first: a secret spelt partly escaped (`\u0034111…`) is masked whole, not cut after
  // the escape's first digits.
  return (text) => {
    const out = redact(text);
    return mask(out.includes("\\") ? throughEscapes(out, mask) : out);
  };
}

/**
 * The redactor for one response: `redact`, plus the values of the body's secret fields. Worked
 * out on first use (a success body is not scanned unless something is redacted after it), and
 * only for a body that may have such a field: its name in the clear, or any `\u` escape.
 */
export function responseRedactor(redact: Redact, text: string): Redact {
  if (!text.includes("\\u") && !quotedSecretFields.some((name) => text.includes(name))) {
    return redact;
  }
  let full: Redact | undefined;
  return (value) => {
    full ??= withSecrets(redact, secretsIn(text));
    return full(value);
  };
}

/**
 * A request secret shorter than this is masked in its own field only. A card's security code (three
 * digits) is masked where it stands alone, but a two-digit expiry month would eat ordinary numbers.
 */
const minRequestEchoLength = 3;
const noSecrets: ReadonlySet<string> = new Set();

/**
 * The values of the secret fields a request body sends (a card's `pan` and `cvv`, a webhook's
 * `secret`): the caller's own secrets, masked in everything the call hands back besides its data,
 * whatever the server echoes. Parsed only when a secret field's name or a `\u` escape is in the body.
 */
export function requestSecrets(body: string | undefined): ReadonlySet<string> {
  if (body === undefined) return noSecrets;
  if (!body.includes("\\u") && !quotedSecretFields.some((name) => body.includes(name))) {
    return noSecrets;
  }
  return secretsIn(body, minRequestEchoLength);
}

/**
 * `redact`, and the request's secrets masked: a long one wherever it appears (as for a response's
 * secrets); a short one (a security code) where it stands alone, not inside a longer word or
 * number; a card number also when spaces or dashes group its digits. In the clear and inside JSON
 * escapes.
 */
export function withRequestSecrets(redact: Redact, secrets: ReadonlySet<string>): Redact {
  if (secrets.size === 0) return redact;
  const long = [...secrets].filter((secret) => secret.length >= minEchoLength);
  const full = withSecrets(redact, new Set(long));
  const literal = (secret: string) => secret.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  // A number (a security code, a grouped card number) stands alone where no digit touches it: a
  // label glued before it (`cvv987`) does not make it another word. Any other short secret stands
  // alone where no letter or digit touches it.
  const numeric: string[] = [];
  const words: string[] = [];
  for (const secret of secrets) {
    if (/^[0-9]{12,}$/.test(secret)) numeric.push([...secret].join("[\\s-]{0,3}"));
    else if (secret.length >= minEchoLength) continue;
    else (/^[0-9]+$/.test(secret) ? numeric : words).push(literal(secret));
  }
  // The character before is captured rather than looked behind, for engines without lookbehind.
  const standalone = (forms: string[], edge: string) =>
    forms.length === 0
      ? undefined
      : new RegExp(
          `(^|[^${edge}])(?:${forms.sort((a, b) => b.length - a.length).join("|")})(?![${edge}])`,
          "g",
        );
  const patterns = [standalone(numeric, "0-9"), standalone(words, "A-Za-z0-9")].filter(
    (pattern) => pattern !== undefined,
  );
  const mask: Redact = (text) => {
    let out = text;
    for (const pattern of patterns) out = out.replace(pattern, `$1${redactedValue}`);
    return maskCutSecret(out, long);
  };
  return (text) => {
    const out = full(text);
    return mask(out.includes("\\") ? throughEscapes(out, mask) : out);
  };
}

/** The start of a secret left at the end of a text cut at a cap: from its seventh character on. */
function maskCutSecret(text: string, secrets: readonly string[]): string {
  for (const secret of secrets) {
    // The longest cut start first: the earliest place in the text's last characters where the
    // secret's first six begin and the rest of the text goes on as the secret does. One search
    // per secret rather than a copy of each of its starts (every header of every such answer).
    const head = secret.slice(0, 6);
    for (
      let at = text.indexOf(head, Math.max(0, text.length - secret.length + 1));
      at !== -1;
      at = text.indexOf(head, at + 1)
    ) {
      if (secret.startsWith(text.slice(at))) return `${text.slice(0, at)}${redactedValue}`;
    }
  }
  return text;
}

/**
 * A redacted copy. Header values must stay ByteStrings (Latin-1), so the mask's ellipsis is
 * written as three dots here; writing U+2026 into a Headers object throws a TypeError.
 */
export function redactHeaders(
  headers: Headers,
  redact: Redact,
  /** Sees each header as it arrived and as redacted: one pass for whoever also reads them. */
  observe?: (name: string, value: string, safe: string) => void,
): Headers {
  const entries: [string, string][] = [];
  let changed = false;
  headers.forEach((value, name) => {
    const safe = redactHeader(name, value, redact);
    // A name is echoed input too (`x-card-4111…`); a masked one could not be a header name.
    const safeName = redact(name) === name ? name : `x-redacted-${entries.length + 1}`;
    changed ||= safe !== value || safeName !== name;
    entries.push([safeName, safe]);
    observe?.(safeName, value, safe);
  });
  // Nothing to hide (the usual case): the response's own headers, without a copy.
  return changed ? new Headers(entries) : headers;
}

/** One header value, redacted and still a ByteString (anything past Latin-1 becomes `?`). */
export function redactHeader(name: string, value: string, redact: Redact): string {
  const safe = credentialHeaders.has(name) ? "[redacted]" : redact(value);
  return safe.replaceAll("\u2026", "...").replace(/[\u0100-\uffff]/g, "?");
}
