// Bearer credentials as HSRCPAY documents them (openapi/openapi.yaml, securitySchemes.bearerAuth):
// a JWT access token, a secret key with `sk_` in its first 32 characters, or a publishable key
// containing `pk_`; sandbox keys typically contain `_test_`.
import { HsrcpayError } from "../errors/hsrcpay-error.js";

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

/** The globals the runtime checks read; a parameter, so that tests can hand in any runtime's. */
export interface RuntimeGlobals {
  window?: { document?: unknown } | null;
  WorkerGlobalScope?: unknown;
  navigator?: { userAgent?: unknown };
  EdgeRuntime?: unknown;
  Deno?: { version?: { deno?: unknown } };
  Bun?: { version?: unknown };
  process?: { versions?: { node?: unknown }; env?: Record<string, string | undefined> };
}

/**
 * True where the code runs on a visitor's machine, so that they could read a secret key: a page
 * (a `window` with a `document`: jsdom and happy-dom count too), and a dedicated, shared or service
 * worker in a browser, which still runs in the visitor's browser. Cloudflare Workers define
 * `WorkerGlobalScope` as well but run on a server: a worker scope with a server runtime's mark
 * (see `onServerRuntime`) is not a browser.
 */
export function inBrowser(scope: object = globalThis): boolean {
  const g = scope as RuntimeGlobals;
  if (typeof g.window === "object" && g.window?.document !== undefined) return true;
  return g.WorkerGlobalScope !== undefined && !onServerRuntime(g);
}

/**
 * Marks that server runtimes set and browsers do not: workerd's fixed user agent, Vercel's
 * `EdgeRuntime` name, Deno's and Bun's version strings, Node's `process.versions.node` (which Deno,
 * Bun and Workers with nodejs_compat also set). A browser polyfill of `process` has no
 * `versions.node`, and an element with `id="Deno"` or `id="EdgeRuntime"` is not a string version.
 */
function onServerRuntime(g: RuntimeGlobals): boolean {
  return (
    g.navigator?.userAgent === "Cloudflare-Workers" ||
    typeof g.EdgeRuntime === "string" ||
    typeof g.Deno?.version?.deno === "string" ||
    typeof g.Bun?.version === "string" ||
    typeof g.process?.versions?.node === "string"
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

/**
 * `HSRCPAY_API_KEY` from `process.env`, where the runtime has one (Node, Bun, Deno, Workers with
 * nodejs_compat, whose `process.env` holds the Worker's bindings). Deno throws `NotCapable` on the
 * read without `--allow-env`: that becomes an error that says what to do.
 */
export function envToken(scope: object = globalThis): string | undefined {
  const g = scope as RuntimeGlobals;
  try {
    return g.process?.env?.HSRCPAY_API_KEY;
  } catch (error) {
    throw new HsrcpayError(
      "Could not read HSRCPAY_API_KEY: the runtime denied access to the environment. " +
        "Pass token to createHsrcpayClient, or allow reading that variable (Deno: --allow-env=HSRCPAY_API_KEY).",
      { cause: error },
    );
  }
}
