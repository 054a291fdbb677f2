// What the card-data suites look for in everything a call hands back: the card number in the clear,
// grouped by spaces or dashes, and the security code as a number on its own.
import { expect } from "vitest";
import { card } from "./fixtures/payments.js";

export const spaced = (pan: string) => pan.replace(/(\d{4})(?=\d)/g, "$1 ");
export const dashed = (pan: string) => pan.replace(/(\d{4})(?=\d)/g, "$1-");
/** The security code as a number on its own: inside a longer number it is another number. */
export const standing = (code: string) => new RegExp(`(^|[^0-9])${code}([^0-9]|$)`);

// The client's own characters, not an echo: a stack frame's line and column (`operation.ts:274:30`),
// a log line's duration (`in 312 ms`), and the Idempotency-Key it made (a UUID may hold `-a199b`).
const own =
  /\.[cm]?[jt]s:\d+:\d+|\b\d+ ms\b|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

export function expectNoCardData(text: string, pan = card.pan, cvv = card.cvv): void {
  expect(text).not.toContain(pan);
  expect(text).not.toContain(spaced(pan));
  expect(text).not.toContain(dashed(pan));
  expect(text.replace(own, "")).not.toMatch(standing(cvv));
}
