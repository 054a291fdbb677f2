// The User-Agent that tells HSRCPAY's support which client made a call: `@hsrcpay/client/0.2.0
// node/20.20.2`. Sent on server runtimes only: in a browser the header is the browser's, and one
// set by a page is not CORS-safelisted (every call would need a preflight).
import { version } from "../version.js";
import { inBrowser, type RuntimeGlobals } from "./credentials.js";

/** The runtime and its version, by the marks each sets (Bun and Deno also set Node's). */
function runtimeOf(g: RuntimeGlobals): string | undefined {
  if (typeof g.Bun?.version === "string") return `bun/${g.Bun.version}`;
  if (typeof g.Deno?.version?.deno === "string") return `deno/${g.Deno.version.deno}`;
  if (g.navigator?.userAgent === "Cloudflare-Workers") return "workerd";
  if (typeof g.EdgeRuntime === "string") return g.EdgeRuntime;
  if (typeof g.process?.versions?.node === "string") return `node/${g.process.versions.node}`;
  return undefined;
}

/** The client's User-Agent here, or `undefined` in a browser or a runtime it does not know. */
export function userAgent(scope: object = globalThis): string | undefined {
  const g = scope as RuntimeGlobals;
  if (inBrowser(g)) return undefined;
  const runtime = runtimeOf(g);
  // Only characters a header value may hold: a runtime's version string is input too.
  return runtime && `@hsrcpay/client/${version} ${runtime.replace(/[^\x21-\x7e]/g, "")}`;
}
