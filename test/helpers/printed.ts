// Everything a user could print of an error: its inspect output (every field, nested bodies), stack,
// JSON, headers and request id. Secret tests assert on this, not on one field.
import { inspect } from "node:util";

export function printed(error: unknown): string {
  const e = error as { headers?: Headers; requestId?: string; stack?: string };
  const headers = e.headers ? [...e.headers].map(([k, v]) => `${k}: ${v}`).join("\n") : "";
  return [inspect(error, { depth: 20 }), e.stack, headers, e.requestId, JSON.stringify(error)].join(
    "\n",
  );
}
