// The process environment, where there is one and reading it is allowed. Deno without
// `--allow-env` throws (NotCapable) on `process.env` access; browsers and workers have no `process`.
// Either way the variable is simply not set.

export function readEnv(name: string): string | undefined {
  try {
    const g = globalThis as { process?: { env?: Record<string, string | undefined> } };
    const value = g.process?.env?.[name];
    return typeof value === "string" ? value : undefined;
  } catch {
    return undefined;
  }
}
