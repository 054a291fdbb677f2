// Secret hygiene for everything the client hands back besides the data it asked for: errors,
// `lastResponse`, and `raw`'s failure bodies. Bodies and headers come from the server or a proxy,
// which may echo the Authorization header or (on a broken 2xx) the new plaintext key.
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
  // Every header of every answer passes through here: the includes() checks skip the copies and
  // regular expressions for the common text that holds nothing to hide.
  return (text) => {
    let out = text.includes(token) ? text.split(token).join(masked) : text;
    if (out.includes('"key"')) out = out.replace(keyField, '"key":"[redacted]"');
    if (out.includes("_test_") || out.includes("_live_")) {
      out = out.replace(apiKeyLike, (match) => maskToken(match));
    }
    return out;
  };
}

/**
 * Applies `redact` to every string inside a parsed JSON value, keys included. Copies with
 * defineProperty, so a `"__proto__"` key stays an own property instead of setting the prototype.
 */
export function redactDeep<T>(value: T, redact: Redact): T {
  if (typeof value === "string") return redact(value) as T;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, redact)) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      Object.defineProperty(out, redact(key), {
        value: redactDeep(item, redact),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out as T;
  }
  return value;
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
