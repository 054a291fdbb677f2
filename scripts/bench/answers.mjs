// The loopback server's answers, one per operation of the API-keys resource, shared by the server
// in its own process (server.mjs) and the one in the client's process (harness.ts).
const apiKey = {
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
  managed: true,
  deleted: false,
  created_at: "2026-11-26T10:15:42Z",
  updated_at: "2026-11-26T10:15:42Z",
};
const answer = (status, envelope) => {
  const body = JSON.stringify(envelope);
  return {
    status,
    body,
    headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
  };
};
const created = answer(201, { message: "success", success: true, data: apiKey });
const regenerated = answer(200, { message: "success", success: true, data: apiKey });
const deleted = answer(200, { message: "success", success: true });
// One page of ten keys, the last page.
const listed = answer(200, {
  message: "success",
  success: true,
  data: Array.from({ length: 10 }, (_, i) => ({ ...apiKey, id: `key_${i}`, key: "sk_test_…7a1e" })),
  total: 10,
  page: 1,
  limit: 10,
  pages: 1,
});

/** A node:http request listener answering every operation with its success envelope. */
export function handler(req, res) {
  req.resume();
  req.on("end", () => {
    const { status, body, headers } =
      req.method === "GET"
        ? listed
        : req.method === "DELETE"
          ? deleted
          : req.url.includes("/regenerate")
            ? regenerated
            : created;
    res.writeHead(status, headers);
    res.end(body);
  });
}
