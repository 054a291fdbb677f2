// Loopback server for the benchmarks, in its own process so that it does not share the client's
// event loop: answers every operation with its success (answers.ts).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { handler } from "./answers.js";

const server = createServer(handler);
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () =>
  process.send?.({ port: (server.address() as AddressInfo).port }),
);
process.on("disconnect", () => process.exit(0));
