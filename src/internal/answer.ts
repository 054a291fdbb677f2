// What the transport hands on for a call's final answer, and what errors and log lines read of it:
// the request id, and the redacted start of a body. Apart from transport.ts and envelope.ts, so
// that neither imports the other.
import type { Redact } from "./redact.js";

/** The final answer of a call: a status from 200 to 599 and its body, read within the timeout. */
export interface Received {
  status: number;
  /** The reason phrase, redacted, control characters removed. */
  statusText: string;
  /** Redacted: credential headers masked whole, key-shaped values masked. */
  headers: Headers;
  /**
   * `Retry-After` as the server sent it: read before redaction, which may mask a number that
   * happens to equal a short secret (a card's security code).
   */
  retryAfter?: string | null;
  /** The server's request id (`x-request-id` or `request-id`), redacted. */
  requestId: string | undefined;
  /** The body up to the cap, decoded as UTF-8. */
  text: string;
  /** Decoded bytes kept, and whether the body went on past the cap. */
  bytes: number;
  truncated: boolean;
  /** The cap that applied to this body. */
  limit: number;
  /** Scrubs this call's token (and key-shaped secrets) from anything bound for the caller. */
  redact: Redact;
  /**
   * An earlier attempt of this call ended without a definite answer (a timeout, a broken
   * connection, a 5xx): the server may have carried it out before this answer.
   */
  uncertain: boolean;
}

const snippetLength = 200;

export function requestIdOf(headers: Headers): string | undefined {
  return headers.get("x-request-id") ?? headers.get("request-id") ?? undefined;
}

// The snippet is taken from the body's first 16 KiB, not the whole of up to 4 MiB. Redaction runs
// before the cut, so a secret straddling the snippet's end cannot show in part; the last 8 KiB of
// the window are dropped after redaction, so a token cut by the window's own end cannot either.
const snippetWindow = 16_384;
const windowMargin = 8_192;

export function snippet(received: Pick<Received, "text" | "redact">): string {
  const { text } = received;
  let clean = received.redact(text.slice(0, snippetWindow));
  if (text.length > snippetWindow) clean = clean.slice(0, -windowMargin);
  const flat = clean.replace(/\s+/g, " ").trim();
  return flat.length > snippetLength || text.length > snippetWindow
    ? `${flat.slice(0, snippetLength)}…`
    : flat;
}
