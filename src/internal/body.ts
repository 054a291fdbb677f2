// Reads a response body as a stream, keeping at most `limit` decoded bytes (after fetch has undone
// any gzip/br/deflate), so that a huge, endless or compressed body cannot exhaust memory. What was
// not read is cancelled, which tells the runtime to drop the connection's remaining bytes.

/** What the headers say of the body's length; the transport reads them once for everything. */
export interface Framing {
  /** Content-Length as a number: NaN when absent or not a number. */
  declaredLength: number;
  /** A content-encoding other than identity: the length then counts compressed bytes. */
  encoded: boolean;
}

export function framingOf(headers: Headers): Framing {
  return {
    declaredLength: Number(headers.get("content-length") ?? Number.NaN),
    encoded: (headers.get("content-encoding") ?? "identity") !== "identity",
  };
}

export interface ReadBody {
  text: string;
  /** Decoded bytes kept (at most the limit). */
  bytes: number;
  /** True when the body went on past the limit and was cut there. */
  truncated: boolean;
}

const utf8 = new TextDecoder();

/**
 * `interrupt` rejects when the attempt times out or is aborted; the read then stops at once. It is
 * absent for the runtime's own fetch, whose body stream errors when its signal aborts.
 * JSON is UTF-8 (RFC 8259 §8.1): bytes that are not become U+FFFD rather than an exception.
 */
export async function readCapped(
  response: Response,
  limit: number,
  interrupt: Promise<never> | undefined,
  framing: Framing = framingOf(response.headers),
): Promise<ReadBody> {
  const stream = response.body;
  if (stream === null) return { text: "", bytes: 0, truncated: false };
  const within = <T>(promise: Promise<T>) =>
    interrupt ? Promise.race([promise, interrupt]) : promise;
  // A Content-Length within the cap on an unencoded body: HTTP framing ends the body there (the
  // runtime refuses a body longer than it declares), so it can be read in one go.
  if (framing.declaredLength <= limit && !framing.encoded) {
    const bytes = new Uint8Array(await within(response.arrayBuffer()));
    if (bytes.byteLength <= limit) {
      return { text: utf8.decode(bytes), bytes: bytes.byteLength, truncated: false };
    }
    // A body longer than it declared (a custom fetch's, not HTTP's): cut it like any other.
    return { text: utf8.decode(bytes.subarray(0, limit)), bytes: limit, truncated: true };
  }
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await within(reader.read());
      if (done) {
        finished = true;
        break;
      }
      const room = limit - bytes;
      if (value.byteLength > room) {
        chunks.push(value.subarray(0, room));
        bytes = limit;
        break;
      }
      chunks.push(value);
      bytes += value.byteLength;
    }
  } finally {
    if (!finished) reader.cancel().catch(() => {});
  }
  return { text: utf8.decode(concat(chunks, bytes)), bytes, truncated: !finished };
}

/** Drops a body nobody will read (a response about to be retried, a redirect). */
export function discardBody(response: Response): void {
  if (response.body !== null && !response.bodyUsed) response.body.cancel().catch(() => {});
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
