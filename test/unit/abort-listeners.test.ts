// onAbort: one native listener per signal, however many calls share it.
import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { onAbort } from "../../src/internal/abort-listeners.js";

describe("onAbort", () => {
  it("runs every subscriber once when the signal aborts, through one native listener", () => {
    const controller = new AbortController();
    const ran: number[] = [];
    for (let i = 0; i < 25; i++) onAbort(controller.signal, () => ran.push(i));
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(1);
    controller.abort();
    controller.abort();
    expect(ran).toHaveLength(25);
  });

  it("does not run a subscriber that unsubscribed", () => {
    const controller = new AbortController();
    const ran: string[] = [];
    const off = onAbort(controller.signal, () => ran.push("off"));
    onAbort(controller.signal, () => ran.push("on"));
    off();
    controller.abort();
    expect(ran).toEqual(["on"]);
  });

  it("keeps working for a signal after an earlier abort emptied its subscribers", () => {
    const first = new AbortController();
    const ran: string[] = [];
    onAbort(first.signal, () => ran.push("first"));
    first.abort();
    const second = new AbortController();
    onAbort(second.signal, () => ran.push("second"));
    second.abort();
    expect(ran).toEqual(["first", "second"]);
  });

  it("does nothing without a signal", () => {
    expect(() => onAbort(undefined, () => {})()).not.toThrow();
  });
});

describe("onAbort after the abort", () => {
  it("leaves no native listener on a signal once it has aborted", () => {
    const controller = new AbortController();
    onAbort(controller.signal, () => {});
    controller.abort();
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });
});
