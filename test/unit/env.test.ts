// readEnv: the environment where there is one; nothing (never an exception) where there is none
// or reading it is not allowed, as in Deno without --allow-env.
import { afterEach, describe, expect, it, vi } from "vitest";
import { readEnv } from "../../src/internal/env.js";

afterEach(() => {
  vi.unstubAllEnvs();
});

/** Runs `read` with globalThis.process replaced, synchronously, and puts the real one back. */
function withProcess<T>(stand: unknown, read: () => T): T {
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, "process");
  Object.defineProperty(globalThis, "process", {
    value: stand,
    configurable: true,
    writable: true,
  });
  try {
    return read();
  } finally {
    if (descriptor) Object.defineProperty(globalThis, "process", descriptor);
  }
}

describe("readEnv", () => {
  it("in Deno, reads only a variable the permissions already grant, so a terminal is never prompted", () => {
    const asked: string[] = [];
    const deno = (state: string) => ({
      Deno: {
        permissions: {
          querySync: ({ variable }: { variable: string }) => {
            asked.push(variable);
            return { state };
          },
        },
      },
      process: { env: { HSRCPAY_LOG: "debug" } },
    });
    expect(readEnv("HSRCPAY_LOG", deno("prompt"))).toBeUndefined();
    expect(readEnv("HSRCPAY_LOG", deno("denied"))).toBeUndefined();
    expect(readEnv("HSRCPAY_LOG", deno("granted"))).toBe("debug");
    expect(asked).toEqual(["HSRCPAY_LOG", "HSRCPAY_LOG", "HSRCPAY_LOG"]);
  });

  it("reads a variable that is set", () => {
    vi.stubEnv("HSRCPAY_TEST_VARIABLE", "debug");
    expect(readEnv("HSRCPAY_TEST_VARIABLE")).toBe("debug");
  });

  it("gives undefined for a variable that is not set", () => {
    expect(readEnv("HSRCPAY_TEST_NOT_SET")).toBeUndefined();
  });

  it("gives undefined where there is no process (browsers, workers)", () => {
    expect(withProcess(undefined, () => readEnv("PATH"))).toBeUndefined();
  });

  it("gives undefined where reading the environment throws (Deno without --allow-env)", () => {
    const denied = {
      get env(): never {
        throw new Error('NotCapable: Requires env access to "HSRCPAY_LOG"');
      },
    };
    expect(withProcess(denied, () => readEnv("HSRCPAY_LOG"))).toBeUndefined();
    const deniedVariable = {
      env: new Proxy(
        {},
        {
          get: () => {
            throw new Error("NotCapable");
          },
        },
      ),
    };
    expect(withProcess(deniedVariable, () => readEnv("HSRCPAY_LOG"))).toBeUndefined();
  });
});
