// What a new user of each runtime would try, as plain data for scripts/test-runtimes.ts to check:
// a client from HSRCPAY_API_KEY, a client with a secret key (the browser guard must let it through
// on a server runtime), a create that resolves with the key, a 409 caught with instanceof, and a
// payment created through the in-process mock of @hsrcpay/client/testing.
// CommonJS with no imports of its own, so that ESM entries, CJS entries and Worker bundles share it.
const secretKey = "sk_test_runtimes000000000000000";
const params = {
  account_id: "acct_1PqR7sT2uV3wX4yZ",
  name: "runtime check",
  permissions: { payments: ["read"] },
};

/**
 * `lib` is the package as the entry loaded it (import or require), `testing` its
 * `@hsrcpay/client/testing`; `baseUrl` the Prism mock's.
 */
async function probe(lib, baseUrl, testing) {
  const report = {
    runtime: runtimeOf(),
    env: attempt(lib, () => lib.createHsrcpayClient({ baseUrl }).credential),
  };
  try {
    const client = lib.createHsrcpayClient({ token: secretKey, baseUrl, maxRetries: 0 });
    report.guard = client.credential;
    const violations = [];
    client.raw.use({
      onResponse({ response }) {
        const found = response.headers.get("sl-violations");
        if (found) violations.push(found);
      },
    });
    const key = await client.apiKeys.create(params, { headers: { Prefer: "code=201" } });
    report.created = {
      id: key.id,
      object: key.object,
      key: typeof key.key,
      status: key.lastResponse.status,
      uuidIdempotencyKey:
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(
          key.lastResponse.idempotencyKey,
        ),
    };
    const conflict = await client.apiKeys.create(params, { headers: { Prefer: "code=409" } }).then(
      () => undefined,
      (error) => error,
    );
    report.conflict = {
      name: conflict?.name,
      status: conflict?.status,
      ConflictError: conflict instanceof lib.ConflictError,
      HsrcpayApiError: conflict instanceof lib.HsrcpayApiError,
      HsrcpayError: conflict instanceof lib.HsrcpayError,
    };
    report.violations = violations;
    const mock = testing.createHsrcpayMock();
    const mocked = lib.createHsrcpayClient({ token: secretKey, fetch: mock.fetch, maxRetries: 0 });
    const payment = await mocked.payments.create({ amount: 12500, currency: "USD" });
    report.mock = {
      id: payment.id,
      status: payment.lastResponse.status,
      calls: mock.calls.length,
      violations: mock.violations.length,
    };
  } catch (error) {
    report.error = describe(lib, error);
  }
  return report;
}

function attempt(lib, run) {
  try {
    return run();
  } catch (error) {
    return describe(lib, error);
  }
}

function describe(lib, error) {
  return {
    error: error?.name,
    HsrcpayError: error instanceof lib.HsrcpayError,
    message: String(error?.message),
  };
}

/** The runtime as it names itself, to make sure the intended one ran. */
function runtimeOf() {
  const g = globalThis;
  if (typeof g.Deno?.version?.deno === "string") return `deno ${g.Deno.version.deno}`;
  if (typeof g.Bun?.version === "string") return `bun ${g.Bun.version}`;
  if (typeof g.EdgeRuntime === "string") return `EdgeRuntime ${g.EdgeRuntime}`;
  if (g.navigator?.userAgent === "Cloudflare-Workers") return "Cloudflare-Workers";
  if (typeof g.process?.versions?.node === "string") return `node ${g.process.versions.node}`;
  return "unknown";
}

module.exports = { probe };
