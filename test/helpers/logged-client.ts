// A client of a local server that logs every line at debug into a recorder, and never retries
// unless asked: the secret tests read both what it throws and what it logs.
import { createHsrcpayClient } from "../../src/index.js";
import { token as fixtureToken } from "./fixtures.js";
import { logRecorder } from "./log-recorder.js";

export function loggedClient(
  baseUrl: string,
  options: { token?: string; maxRetries?: number } = {},
) {
  const log = logRecorder();
  const hsrcpay = createHsrcpayClient({
    token: options.token ?? fixtureToken,
    baseUrl,
    maxRetries: options.maxRetries ?? 0,
    logLevel: "debug",
    logger: log.logger,
  });
  return { hsrcpay, log };
}

/** The value with every character written as a JSON \u escape: what a server may send. */
export const jsonEscaped = (value: string): string =>
  [...value].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join("");
