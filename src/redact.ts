// Secret hygiene for everything the client hands back besides the data it asked for: errors,
// `lastResponse`, log lines and `raw`'s failure bodies. Bodies and headers come from the server or a
// proxy, which may echo the Authorization header or (on a broken 2xx) the new plaintext key.
//
// Two layers. The token's redactor (`redactorFor`) removes the call's token, in the clear and
// percent-encoded, anything shaped like an HSRCPAY key, and `"key"` values in JSON text. A
// response's redactor (`responseRedactor`) adds the values of its secret fields (`secretFields`),
// whatever they look like, wherever else they appear in that response: in other strings, headers,
// the status line, and in JSON string literals however the server escaped them (`\u0068sk_…`).
import { maskToken } from "./credentials.js";

export type Redact = (text: string) => string;

// No word boundary: a key glued to other characters (`tokensk_live_…`) is still a key.
const apiKeyLike = /(?:sk|pk)_(?:test|live)_[A-Za-z0-9]+/g;
// The plaintext secret in an ApiKey body; the closing quote is optional so truncated JSON is covered.
const keyField = /"key"\s*:\s*"(?:[^"\\]|\\.)*"?/g;
// Headers whose whole value is a credential, whatever it looks like.
const credentialHeaders = new Set(["authorization", "proxy-authorization", "cookie", "set-cookie"]);

/** Removes the token in use, anything shaped like an HSRCPAY key, and `"key"` values. */
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
  // A token passed by mistake as an id is in the path percent-encoded where it has `+`, `/`, `=`…
  const encoded = encodeURIComponent(token);
  // Every header of every answer passes through here: the includes() checks skip the copies and
  // regular expressions for the common text that holds nothing to hide.
  return (text) => {
    let out = text.includes(token) ? text.split(token).join(masked) : text;
    if (encoded !== token && out.includes(encoded)) out = out.split(encoded).join(masked);
    if (out.includes('"key"')) out = out.replace(keyField, '"key":"[redacted]"');
    if (out.includes("_test_") || out.includes("_live_")) {
      out = out.replace(apiKeyLike, (match) => maskToken(match));
    }
    return out;
  };
}

/**
 * Fields whose value is a secret wherever it appears in a response: `ApiKey.key` (a created or
 * regenerated key's plaintext; HSRCPAY does not say what a listed key's holds, so it is treated the
 * same). Matched by exact name, at any depth.
 */
export const secretFields: ReadonlySet<string> = new Set(["key"]);
const quotedSecretFields = [...secretFields].map((name) => `"${name}"`);

/** What a secret field's value, or an echo of it, is replaced with. */
export const redactedValue = "[redacted]";

/**
 * A secret value shorter than this is masked in its own field only: masking every occurrence of a
 * two-letter value would eat ordinary words in messages. No key format is that short.
 */
const minEchoLength = 8;

/**
 * Applies `redact` to every string inside a parsed JSON value, keys included, and replaces the
 * value of every secret field. Copies with defineProperty, so a `"__proto__"` key stays an own
 * property instead of setting the prototype. Iterative: a hostile body nested ten thousand levels
 * deep would overflow the stack of a recursive copy.
 */
export function redactDeep<T>(value: T, redact: Redact): T {
  const root: { value: unknown } = { value: undefined };
  const stack: [unknown, Record<string, unknown> | unknown[], string | number][] = [
    [value, root as Record<string, unknown>, "value"],
  ];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [item, parent, slot] = next;
    let copy: unknown = item;
    if (typeof item === "string") copy = redact(item);
    else if (Array.isArray(item)) {
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

/** The values of secret fields anywhere in a parsed JSON value (iterative, like `redactDeep`). */
export function secretValues(value: unknown, found: Set<string> = new Set()): Set<string> {
  const stack = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (Array.isArray(item)) {
      for (const child of item) stack.push(child);
    } else if (item !== null && typeof item === "object") {
      for (const [key, child] of Object.entries(item)) {
        if (!secretFields.has(key)) stack.push(child);
        else if (typeof child === "string" && child.length >= minEchoLength) found.add(child);
      }
    }
  }
  return found;
}

// A JSON string literal, its closing quote optional (a body cut short), and, when it is a member
// name, the string literal of its value. Scanned from the start of a JSON text, these matches are
// exactly its strings: outside of strings JSON has no quotes.
const memberOrString = /"((?:[^"\\]|\\.)*)"?(?:\s*:\s*"((?:[^"\\]|\\.)*)"?)?/g;
const stringLiteral = /"((?:[^"\\]|\\.)*)("?)/g;

/** A JSON string literal's content, unescaped; as it is when it cannot be (cut mid-escape). */
function readLiteral(content: string): string {
  if (!content.includes("\\")) return content;
  try {
    return JSON.parse(`"${content}"`) as string;
  } catch {
    return content;
  }
}

/**
 * The values of secret fields in a response body: from the parsed JSON, or, for a body that does
 * not parse (cut at the cap or mid-stream), from the member pairs a scan of its strings finds.
 */
export function secretsIn(text: string): Set<string> {
  try {
    return secretValues(JSON.parse(text));
  } catch {
    const found = new Set<string>();
    for (const [, name, value] of text.matchAll(memberOrString)) {
      if (value === undefined || !secretFields.has(readLiteral(name as string))) continue;
      const secret = readLiteral(value);
      if (secret.length >= minEchoLength) found.add(secret);
    }
    return found;
  }
}

/**
 * `redact`, and every occurrence of `secrets` masked: in the clear, and inside JSON string
 * literals whatever their escapes (each literal with an escape is read as JSON reads it).
 */
export function withSecrets(redact: Redact, secrets: ReadonlySet<string>): Redact {
  if (secrets.size === 0) return redact;
  const maskAll = (text: string) => {
    let out = text;
    for (const secret of secrets) {
      if (out.includes(secret)) out = out.split(secret).join(redactedValue);
    }
    return out;
  };
  return (text) => {
    let out = redact(text);
    if (out.includes("\\")) {
      out = out.replace(stringLiteral, (literal, content: string, closing: string) => {
        if (!content.includes("\\")) return literal;
        const read = readLiteral(content);
        const clean = maskAll(read);
        if (clean === read) return literal;
        const json = JSON.stringify(clean);
        return closing ? json : json.slice(0, -1);
      });
    }
    return maskAll(out);
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
    changed ||= safe !== value;
    entries.push([name, safe]);
    observe?.(name, value, safe);
  });
  // Nothing to hide (the usual case): the response's own headers, without a copy.
  return changed ? new Headers(entries) : headers;
}

/** One header value, redacted and still a ByteString. */
export function redactHeader(name: string, value: string, redact: Redact): string {
  const safe = credentialHeaders.has(name) ? "[redacted]" : redact(value);
  return safe.replaceAll("\u2026", "...");
}
