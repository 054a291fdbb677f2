// A payment provider config's `credentials` are provider secrets (x-hsrcpay-secret in the spec):
// against a real HTTP server on 127.0.0.1 that echoes them, in a failure and in a success, their
// values are in no error (message, details, inspect output, JSON), no `lastResponse`, no `raw`
// failure body and no log line at debug, in the manner of secret-fields.test.ts.
import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { ConflictError, UnprocessableEntityError } from "../../src/index.js";
import {
  type Fault,
  type FaultServer,
  sendRaw,
  startFaultServer,
} from "../helpers/fault-server.js";
import {
  configId,
  createConfigParams,
  providerApiKey,
  providerSecret,
} from "../helpers/fixtures/payment-providers.js";
import { loggedClient } from "../helpers/logged-client.js";
import { printed } from "../helpers/printed.js";
import { rejectionOf } from "../helpers/rejection.js";

const secrets = [providerApiKey, providerSecret];
const credentials = { api_key: providerApiKey, secret_key: providerSecret };
/** A value that is in neither the call nor a field named as a secret: not masked, the control. */
const visible = "prv-visible-Qe3Rt6Yu9Io2Pa5S";

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function clientFor(fault: Fault) {
  server = await startFaultServer(fault);
  return loggedClient(server.baseUrl);
}

const failure = (status: number, message: string, details: unknown) =>
  JSON.stringify({ message, success: false, error: { code: status, message, details } });

const config = {
  object: "payment_provider_config",
  id: configId,
  account_id: createConfigParams.account_id,
  name: "Sandbox cards",
  payment_provider_id: "prov_7Kx2Lm9Qp4Rs1Tv6",
  credentials,
  merchant_capabilities: { allowed_currencies: "*", allowed_payment_methods: "*" },
  deleted: false,
  created_at: null,
  updated_at: null,
  fees: [],
  routing_rules: [],
};

function expectNone(text: string) {
  for (const secret of secrets) expect(text).not.toContain(secret);
}

describe("a provider config's credentials, echoed by the server", () => {
  it("in a failure's message, details, request id and headers: in no error and no log line", async () => {
    const { hsrcpay, log } = await clientFor((res) =>
      sendRaw(
        res,
        409,
        failure(409, `config with api_key ${providerApiKey} exists`, {
          existing: { credentials },
          note: `secret ${providerSecret} and ${visible}`,
        }),
        { "x-request-id": `req_${providerSecret}`, "x-echo": providerApiKey },
      ),
    );
    const error = await rejectionOf(hsrcpay.paymentProviderConfigs.create(createConfigParams));
    expect(error).toBeInstanceOf(ConflictError);
    const conflict = error as ConflictError;
    expect(conflict.message).toContain("config with api_key [redacted] exists");
    expect(conflict.details).toEqual({
      existing: { credentials: "[redacted]" },
      note: `secret [redacted] and ${visible}`,
    });
    expect(conflict.requestId).toBe("req_[redacted]");
    expect(conflict.headers.get("x-echo")).toBeNull();
    expectNone(printed(error));
    expect(log.lines.length).toBeGreaterThan(0);
    expectNone(log.text());
    // The request did carry them: masking is the client's, not a server that never saw them.
    expect(JSON.parse(server?.requests[0]?.body ?? "{}").credentials).toEqual(credentials);
  });

  it("in a 422 body that does not parse, beside the values: in no error and no log line", async () => {
    const { hsrcpay, log } = await clientFor((res) =>
      sendRaw(res, 422, `{"message":"bad ${providerApiKey}","credentials":{"k":"${providerSecret}`),
    );
    const error = await rejectionOf(hsrcpay.paymentProviderConfigs.create(createConfigParams));
    expect(error).toHaveProperty("status", 422);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expectNone(printed(error));
    expectNone(log.text());
  });

  it("in a success: the data holds them; lastResponse, its inspect output and the log lines do not", async () => {
    const { hsrcpay, log } = await clientFor((res) =>
      sendRaw(res, 201, JSON.stringify({ message: "success", success: true, data: config }), {
        "x-request-id": `req_${providerApiKey}`,
        "x-provider-secret": providerSecret,
      }),
    );
    const created = await hsrcpay.paymentProviderConfigs.create(createConfigParams);
    expect(created.credentials).toEqual(credentials);
    expect(created.lastResponse.status).toBe(201);
    expect(created.lastResponse.requestId).toBe("req_[redacted]");
    expect(created.lastResponse.headers.get("x-provider-secret")).toBeNull();
    expectNone(inspect(created.lastResponse, { depth: 20 }));
    expectNone([...created.lastResponse.headers].join("\n"));
    expectNone(JSON.stringify(created.lastResponse));
    expectNone(log.text());
  });

  it("in a list the call did not send them to: the answer's own secret values are masked too", async () => {
    const page = { message: "success", success: true, data: [config] };
    const { hsrcpay, log } = await clientFor((res) =>
      sendRaw(res, 200, JSON.stringify({ ...page, total: 1, page: 1, limit: 10, pages: 1 }), {
        "x-request-id": providerSecret,
      }),
    );
    const first = await hsrcpay.paymentProviderConfigs.list({ limit: 10 });
    expect(first.data[0]?.credentials).toEqual(credentials);
    expect(first.lastResponse.requestId).toBe("[redacted]");
    expectNone(inspect(first.lastResponse, { depth: 20 }));
    expectNone(log.text());
  });

  it("raw: a failure body and its headers come back with the credentials masked", async () => {
    const { hsrcpay } = await clientFor((res) =>
      sendRaw(res, 409, failure(409, `dup ${providerApiKey}`, { credentials }), {
        "x-request-id": providerSecret,
      }),
    );
    const { account_id, ...body } = createConfigParams;
    const { error, response } = await hsrcpay.raw.POST("/payment-provider-configs/", {
      params: { query: { account_id } },
      body,
    });
    expect(response.status).toBe(409);
    expect(error).toEqual({
      success: false,
      message: "dup [redacted]",
      error: { code: 409, message: "dup [redacted]", details: { credentials: "[redacted]" } },
    });
    expectNone(JSON.stringify(error));
    expectNone([...response.headers].join("\n"));
  });
});
