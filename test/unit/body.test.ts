// readCapped: a body read as a stream, at most `limit` bytes kept, the rest cancelled.
import { describe, expect, it } from "vitest";
import { discardBody, readCapped } from "../../src/internal/body.js";

const never = new Promise<never>(() => {});
const encode = (text: string) => new TextEncoder().encode(text);

/** A body of the given chunks that records how much was pulled and whether it was cancelled. */
function streamed(chunks: Uint8Array[], endless = false) {
  const state = { pulled: 0, cancelled: false };
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[i++] ?? (endless ? chunks[0] : undefined);
      if (!chunk) return controller.close();
      state.pulled++;
      controller.enqueue(chunk);
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { response: new Response(body), state };
}

describe("readCapped", () => {
  it("reads a body under the limit whole, across chunks", async () => {
    const { response, state } = streamed([encode('{"a":'), encode('"é"}')]);
    const body = await readCapped(response, 100, never);
    expect(body).toEqual({ text: '{"a":"é"}', bytes: 10, truncated: false });
    expect(state.cancelled).toBe(false);
  });

  it("a body of exactly the limit is whole; one byte more is cut", async () => {
    const exact = await readCapped(new Response("x".repeat(64)), 64, never);
    expect(exact).toMatchObject({ bytes: 64, truncated: false });
    const over = await readCapped(new Response("x".repeat(65)), 64, never);
    expect(over).toMatchObject({ bytes: 64, truncated: true });
    expect(over.text).toHaveLength(64);
  });

  it("stops an endless body at the limit and cancels the rest", async () => {
    const { response, state } = streamed([new Uint8Array(1000).fill(0x61)], true);
    const body = await readCapped(response, 2500, never);
    expect(body).toMatchObject({ bytes: 2500, truncated: true });
    expect(body.text).toBe("a".repeat(2500));
    expect(state.pulled).toBeLessThanOrEqual(4);
    expect(state.cancelled).toBe(true);
  });

  it("an empty or absent body is empty text", async () => {
    expect(await readCapped(new Response(null), 10, never)).toEqual({
      text: "",
      bytes: 0,
      truncated: false,
    });
    expect(await readCapped(new Response(""), 10, never)).toMatchObject({ text: "", bytes: 0 });
  });

  it("decodes invalid UTF-8 as U+FFFD instead of throwing, and drops a BOM", async () => {
    const body = await readCapped(
      new Response(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0xff, 0x7d])),
      100,
      never,
    );
    expect(body.text).toBe("{\uFFFD}");
  });

  it("stops at once when interrupted, and cancels the stream", async () => {
    const state = { cancelled: false };
    const stalled = new Response(
      new ReadableStream({
        pull: () => new Promise(() => {}),
        cancel: () => {
          state.cancelled = true;
        },
      }),
    );
    let interrupt: (reason: unknown) => void = () => {};
    const interrupted = new Promise<never>((_, reject) => {
      interrupt = reject;
    });
    const reading = readCapped(stalled, 100, interrupted).catch((e: unknown) => e);
    interrupt(new Error("timed out"));
    expect(((await reading) as Error).message).toBe("timed out");
    expect(state.cancelled).toBe(true);
  });
});

describe("discardBody", () => {
  it("cancels a body nobody will read", () => {
    const { response, state } = streamed([encode("x")], true);
    discardBody(response);
    expect(state.cancelled).toBe(true);
  });

  it("leaves an already used body alone", async () => {
    const response = new Response("x");
    await response.text();
    expect(() => discardBody(response)).not.toThrow();
  });
});

describe("readCapped with a declared length", () => {
  it("cuts a body longer than the length it declared at the cap, all the same", async () => {
    const liar = new Response("x".repeat(100), { headers: { "content-length": "10" } });
    const body = await readCapped(liar, 50, never);
    expect(body).toEqual({ text: "x".repeat(50), bytes: 50, truncated: true });
  });
});
