// Loopback server for the benchmarks, in its own process so that it does not share the client's
// event loop: answers every operation with its success envelope (answers.mjs).
import { createServer } from "node:http";
import { handler } from "./answers.mjs";

const server = createServer(handler);
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => process.send?.({ port: server.address().port }));
process.on("disconnect", () => process.exit(0));
