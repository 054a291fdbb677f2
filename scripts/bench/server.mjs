// Loopback server for the benchmarks, in its own process so that it does not share the client's
// event loop: answers every request with the 201 success envelope of Create API key.
import { createServer } from "node:http";

const body = JSON.stringify({
  message: "success",
  success: true,
  data: {
    object: "api_key",
    id: "key_4hW8pK2sD6fG0jL3",
    account_id: "acct_1PqR7sT2uV3wX4yZ",
    name: "CI deploy",
    type: "SECRET",
    key: "sk_test_51AbC2dE3fG4hI5jK6lM7nO8pQ9rS0tU1vW7a1e",
    last_used_ip: null,
    metadata: { team: "platform" },
    permissions: { payments: ["read", "create"] },
    status: "ACTIVE",
    last_used_at: null,
    expires_at: "2027-12-31T23:59:59Z",
    managed: false,
    deleted: false,
    created_at: "2026-11-26T10:15:42Z",
    updated_at: "2026-11-26T10:15:42Z",
  },
});
const headers = { "content-type": "application/json", "content-length": Buffer.byteLength(body) };

const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(201, headers);
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => process.send?.({ port: server.address().port }));
process.on("disconnect", () => process.exit(0));
