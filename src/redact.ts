// Secret hygiene for everything an error carries. Bodies and headers come from the server or a
// proxy, which may echo the Authorization header or (on a broken 2xx) the new plaintext key.
import { maskToken } from "./credentials.js";

export type Redact = (text: string) => string;

const apiKeyLike = /\b(?:sk|pk)_(?:test|live)_[A-Za-z0-9]+/g;
// The plaintext secret in an ApiKey body; the closing quote is optional so truncated JSON is covered.
const keyField = /"key"\s*:\s*"(?:[^"\\]|\\.)*"?/g;

/** Removes the token in use, anything shaped like an HSRCPAY key, and `"key"` values. */
export function redactorFor(token: string): Redact {
  const masked = maskToken(token);
  return (text) =>
    text
      .split(token)
      .join(masked)
      .replace(keyField, '"key":"[redacted]"')
      .replace(apiKeyLike, (match) => maskToken(match));
}

/** Applies `redact` to every string inside a parsed JSON value. */
export function redactDeep<T>(value: T, redact: Redact): T {
  if (typeof value === "string") return redact(value) as T;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, redact)) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = redactDeep(item, redact);
    return out as T;
  }
  return value;
}

export function redactHeaders(headers: Headers, redact: Redact): Headers {
  const out = new Headers();
  headers.forEach((value, name) => {
    out.append(name, redact(value));
  });
  return out;
}
