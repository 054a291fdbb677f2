// Optional settings from the process environment, where there is one and reading it is allowed.
// Browsers and workers have no `process`; Deno without `--allow-env` throws (NotCapable) on
// access and, in a terminal, would first prompt the user for it. Either way the variable is simply
// not set: an optional setting must never stop a client from being made, nor ask a question.

interface DenoPermissions {
  Deno?: {
    permissions?: {
      querySync?: (descriptor: { name: "env"; variable: string }) => { state: string };
    };
  };
}

export function readEnv(name: string, scope: object = globalThis): string | undefined {
  try {
    const g = scope as DenoPermissions & { process?: { env?: Record<string, string | undefined> } };
    // Only read what Deno already allows: reading anything else would prompt in a terminal.
    const query = g.Deno?.permissions?.querySync;
    if (query && query({ name: "env", variable: name }).state !== "granted") return undefined;
    const value = g.process?.env?.[name];
    return typeof value === "string" ? value : undefined;
  } catch {
    return undefined;
  }
}
