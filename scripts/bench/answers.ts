// The loopback server's answers: every operation of the spec answered with its first documented
// success and that status's example (generated/responses.ts), so a new operation is answered with
// no line here. Shared by the server in its own process (server.ts) and in the client's (harness.ts).
import type { IncomingMessage, ServerResponse } from "node:http";
import { responses } from "../../generated/responses.js";

interface Answer {
  status: number;
  body: string;
  headers: Record<string, string | number>;
}

/** Each route as a pattern over the path under /v1, with its answer built once. */
const routes = Object.entries(responses).map(([key, { statuses }]) => {
  const [method = "", template = ""] = key.split(" ");
  const success = Object.keys(statuses).find((status) => status.startsWith("2"));
  if (!success) throw new Error(`${key} declares no success to answer with`);
  const example = statuses[success];
  const body = example === undefined ? "" : JSON.stringify(example);
  const pattern = new RegExp(
    `^/v1${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{\w+\}/g, "[^/]+")}$`,
  );
  const answer: Answer = {
    status: Number(success),
    body,
    headers: body
      ? { "content-type": "application/json", "content-length": Buffer.byteLength(body) }
      : { "content-length": 0 },
  };
  return { method, pattern, answer };
});

const notFound: Answer = {
  status: 404,
  body: '{"message":"no such route","success":false}',
  headers: { "content-type": "application/json" },
};

/** A node:http request listener answering every operation of the spec with its success. */
export function handler(req: IncomingMessage, res: ServerResponse): void {
  req.resume();
  req.on("end", () => {
    const path = (req.url ?? "").split("?")[0] ?? "";
    const { status, body, headers } =
      routes.find((route) => route.method === req.method && route.pattern.test(path))?.answer ??
      notFound;
    res.writeHead(status, headers);
    res.end(body);
  });
}
