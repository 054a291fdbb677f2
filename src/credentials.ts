// Bearer credentials as HSRCPAY documents them (openapi/openapi.yaml, securitySchemes.bearerAuth):
// a JWT access token, a secret key with `sk_` in its first 32 characters, or a publishable key
// containing `pk_`; sandbox keys typically contain `_test_`.
import { HsrcpayError } from "./errors/hsrcpay-error.js";

export type CredentialKind = "jwt" | "secret" | "publishable" | "unknown";
export type CredentialMode = "sandbox" | "live";

/** What kind of credential the client holds, without the secret itself. */
export interface Credential {
  readonly kind: CredentialKind;
  readonly mode: CredentialMode;
}

/** A token, or a function that returns the current one (for rotating JWTs). */
export type TokenSource = string | (() => string | Promise<string>);

const jwtShape = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
// Visible ASCII only: a token with a space or a trailing newline (a common copy-paste slip from a
// secret file) would otherwise fail inside fetch with an unhelpful header error.
const headerSafe = /^[\x21-\x7e]+$/;

export function classifyToken(token: string): Credential {
  const mode: CredentialMode = token.includes("_test_") ? "sandbox" : "live";
  // API keys never contain dots, so the JWT shape is checked first and cannot be mistaken.
  if (jwtShape.test(token)) return { kind: "jwt", mode };
  if (token.slice(0, 32).includes("sk_")) return { kind: "secret", mode };
  if (token.includes("pk_")) return { kind: "publishable", mode };
  return { kind: "unknown", mode };
}

/** `sk_test_…9f2c`: enough to tell keys apart in logs, never enough to use one. */
export function maskToken(token: string): string {
  if (token.length < 16) return "…";
  const prefix = /^(?:sk|pk)_(?:test|live)_/.exec(token)?.[0] ?? token.slice(0, 3);
  return `${prefix}…${token.slice(-4)}`;
}

export function checkToken(token: unknown, source: string): string {
  if (typeof token !== "string" || token.length === 0) {
    throw new HsrcpayError(`No HSRCPAY credential: ${source} gave ${describe(token)}.`);
  }
  if (!headerSafe.test(token)) {
    throw new HsrcpayError(
      `The HSRCPAY credential from ${source} contains whitespace or non-ASCII characters; check for a trailing newline.`,
    );
  }
  return token;
}

function describe(value: unknown): string {
  if (value === "") return "an empty string";
  if (value === undefined || value === null) return "nothing";
  const type = typeof value;
  return `${type === "object" ? "an" : "a"} ${type}, not a string`;
}

/** True in a page or a web worker, where anything the client holds is readable by visitors. */
export function inBrowser(): boolean {
  const g = globalThis as { window?: { document?: unknown }; WorkerGlobalScope?: unknown };
  return (
    (typeof g.window === "object" && g.window?.document !== undefined) ||
    g.WorkerGlobalScope !== undefined
  );
}

export function assertAllowedHere(
  credential: Credential,
  browser: boolean,
  dangerouslyAllowBrowser: boolean,
): void {
  if (browser && credential.kind === "secret" && !dangerouslyAllowBrowser) {
    throw new HsrcpayError(
      "Refusing to use a secret HSRCPAY key in a browser: every visitor of the page could read it. " +
        "Use a JWT or a publishable key there, or pass dangerouslyAllowBrowser: true if the page is private.",
    );
  }
}

export function envToken(): string | undefined {
  const g = globalThis as { process?: { env?: Record<string, string | undefined> } };
  return g.process?.env?.HSRCPAY_API_KEY;
}
