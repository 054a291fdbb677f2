// The token, an answer's key and their echoes in bodies the client parses (a value that is not a
// string, a large lie, a header that once broke the masking), and a few small gaps the mutation
// runs found: each ends in its typed error, and no secret shows in it or in a log line.
import { afterEach, describe, expect, it } from "vitest";
import {
  AuthenticationError,
  BadRequestError,
  HsrcpayInvalidResponseError,
  HsrcpayValidationError,
  NotFoundError,
} from "../../src/index.js";
import {
  type Fault,
  type FaultServer,
  sendRaw,
  startFaultServer,
} from "../helpers/fault-server.js";
import { apiKeyData, params } from "../helpers/fixtures.js";
import { loggedClient } from "../helpers/logged-client.js";
import { printed } from "../helpers/printed.js";
import { rejectionOf } from "../helpers/rejection.js";

// Not key-shaped, with characters that JSON (`/`) and URLs (`+`, `/`, `=`) escape.
const token = "tok_live_ABCdef123+/=xyz987654";
const managedKey = "hsk_mgd_7Qz3Lw9Xv2Rt8Np4Km6Jb1Hc";

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function clientFor(fault: Fault, maxRetries = 0) {
  server = await startFaultServer(fault);
  return loggedClient(server.baseUrl, { token, maxRetries });
}

const answer = sendRaw;

describe("the token as sent and percent-encoded", () => {
  for (const [name, spelled] of [
    ["as sent", token],
    ["percent-encoded", encodeURIComponent(token)],
  ]) {
    it(`${name}, echoed by a failure: in no error, no log line, and not in raw's parsed error`, async () => {
      const { hsrcpay, log } = await clientFor((res) =>
        answer(
          res,
          401,
          JSON.stringify({
            message: `bad token ${spelled}`,
            success: false,
            error: { code: 401, message: `bad token ${spelled}`, details: { seen: spelled } },
          }),
          { "x-request-id": `req ${spelled}` },
        ),
      );
      const error = await rejectionOf(hsrcpay.apiKeys.create({ ...params }));
      expect(error).toBeInstanceOf(AuthenticationError);
      expect((error as AuthenticationError).message).toContain("bad token [redacted]");
      expect((error as AuthenticationError).details).toEqual({ seen: "[redacted]" });
      expect((error as AuthenticationError).requestId).toBe("req [redacted]");
      for (const text of [printed(error), log.text()]) {
        expect(text).not.toContain(token);
        expect(text).not.toContain(spelled);
      }
      const { error: rawError, response } = await hsrcpay.raw.GET("/api-keys/", {
        params: { query: { account_id: params.account_id } },
      });
      expect(response.status).toBe(401);
      expect(JSON.stringify(rawError)).not.toContain(token);
      expect(JSON.stringify(rawError)).not.toContain(spelled);
      expect(response.headers.get("x-request-id")).toBe("req [redacted]");
    });
  }
});

describe("a secret field whose value is not a string", () => {
  it.each([
    ["a number", "123456789012345", "123456789012345"],
    ["a list", `["${managedKey}"]`, managedKey],
    ["an object", `{"v":"${managedKey}"}`, managedKey],
  ])("%s: masked in the error's every field and its echoes", async (_, value, secret) => {
    const { hsrcpay, log } = await clientFor((res) =>
      answer(
        res,
        400,
        `{"message":"bad ${secret}","success":false,"error":{"code":400,"message":"bad ${secret}","details":{"key":${value}}}}`,
      ),
    );
    const error = await rejectionOf(hsrcpay.apiKeys.create({ ...params }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(printed(error)).not.toContain(secret);
    expect(log.text()).not.toContain(secret);
  });

  it("an invalid 2xx whose data.key is an object: the error names the field and shows none of it", async () => {
    const data = { ...apiKeyData, key: { v: managedKey } };
    const { hsrcpay, log } = await clientFor((res) =>
      answer(res, 200, JSON.stringify({ message: "success", success: true, data })),
    );
    const error = await rejectionOf(hsrcpay.apiKeys.create({ ...params }));
    expect(error).toBeInstanceOf(HsrcpayInvalidResponseError);
    expect((error as Error).message).toContain(
      "an envelope whose data is not what the spec declares",
    );
    expect((error as Error).message).toContain("(key must be string)");
    expect(printed(error)).not.toContain(managedKey);
    expect(log.text()).not.toContain(managedKey);
  });
});

describe("a large body", () => {
  it("a 2xx lie of 60,000 distinct keys, its request id echoing the last: masked, typed, described by size", async () => {
    const secret = (i: number) => `secret_${i.toString(36).padStart(8, "0")}`;
    const fields = Array.from({ length: 60_000 }, (_, i) => `"key":"${secret(i)}"`).join(",");
    const last = secret(59_999);
    // Over the 64 KiB failure cap, well under the success cap: the body is parsed, all of it.
    const body = `{"message":"dup ${last}","success":"no",${fields}}`;
    const { hsrcpay } = await clientFor((res) => answer(res, 200, body, { "x-request-id": last }));
    const error = (await rejectionOf(
      hsrcpay.apiKeys.create({ ...params }),
    )) as HsrcpayInvalidResponseError;
    expect(error).toBeInstanceOf(HsrcpayInvalidResponseError);
    expect(error.message).toContain("an envelope with success: a string");
    expect(error.bodyBytes).toBe(body.length);
    expect(error.requestId).toBe("[redacted]");
    expect(printed(error)).not.toMatch(/secret_[0-9a-z]{8}/);
  });
});

describe("replies that once broke the masking", () => {
  const snowmanEcho = `"\\u2603${managedKey}"`;

  it("a valid create with the key echoed in the request id as an escaped literal: resolves, masked", async () => {
    const { hsrcpay } = await clientFor((res) =>
      answer(
        res,
        201,
        JSON.stringify({
          message: "success",
          success: true,
          data: { ...apiKeyData, key: managedKey },
        }),
        { "x-request-id": snowmanEcho },
      ),
    );
    const apiKey = await hsrcpay.apiKeys.create({ ...params });
    expect(apiKey.key).toBe(managedKey);
    expect(apiKey.lastResponse.requestId).toBe('"\\u2603[redacted]"');
    expect([...apiKey.lastResponse.headers].join("\n")).not.toContain(managedKey);
  });

  it("a 400 with a key and that header: the BadRequestError, sent once (not retried as a connection failure)", async () => {
    const { hsrcpay } = await clientFor(
      (res) =>
        answer(
          res,
          400,
          `{"message":"x","success":false,"error":{"code":400,"message":"x","details":{"key":"${managedKey}"}}}`,
          { "x-request-id": snowmanEcho },
        ),
      2,
    );
    const error = await rejectionOf(hsrcpay.apiKeys.create({ ...params }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(server?.requests).toHaveLength(1);
    expect((error as BadRequestError).requestId).toBe('"\\u2603[redacted]"');
    expect(printed(error)).not.toContain(managedKey);
  });

  it.each([
    ["left out", { message: "m", data: apiKeyData }, "success: undefined"],
    ["null", { message: "m", success: null, data: apiKeyData }, "success: null"],
    ["false", { message: "m", success: false, data: apiKeyData }, "success: false"],
    ["a list", { message: "m", success: [token], data: apiKeyData }, "success: a list"],
  ])("a success: %s is named as such in the message", async (_, body, said) => {
    const { hsrcpay } = await clientFor((res) => answer(res, 200, JSON.stringify(body)));
    const error = await rejectionOf(hsrcpay.apiKeys.create({ ...params }));
    expect((error as Error).message).toContain(
      `an envelope with ${said}, not the success envelope`,
    );
    expect(printed(error)).not.toContain(token);
  });

  it("an invalid 2xx whose request id echoes a secret of its body: the error's requestId is masked", async () => {
    const { hsrcpay } = await clientFor((res) =>
      answer(res, 200, `{"message":"m","success":false,"key":"${managedKey}"}`, {
        "x-request-id": `req_${managedKey}`,
      }),
    );
    const error = (await rejectionOf(
      hsrcpay.apiKeys.create({ ...params }),
    )) as HsrcpayInvalidResponseError;
    expect(error.requestId).toBe("req_[redacted]");
  });

  it("a success: that is the token is named by its type, never shown", async () => {
    const { hsrcpay } = await clientFor((res) =>
      answer(res, 200, JSON.stringify({ message: "m", success: token, data: apiKeyData })),
    );
    const error = await rejectionOf(hsrcpay.apiKeys.create({ ...params }));
    expect((error as Error).message).toContain("success: a string");
    expect(printed(error)).not.toContain(token);
  });

  it("lastResponse.message is masked like everything else", async () => {
    const { hsrcpay } = await clientFor((res) =>
      answer(
        res,
        201,
        JSON.stringify({
          message: `made ${managedKey} for ${token}`,
          success: true,
          data: { ...apiKeyData, key: managedKey },
        }),
      ),
    );
    const apiKey = await hsrcpay.apiKeys.create({ ...params });
    expect(apiKey.lastResponse.message).toBe("made [redacted] for [redacted]");
  });
});

describe("small gaps", () => {
  it("raw: a query name or value that URL encoding cannot take is a typed refusal, not a bare error", async () => {
    const { hsrcpay } = await clientFor((res) => answer(res, 200, "{}"));
    for (const query of [
      { "\uD800": "x" },
      { account_id: "\uDC00" },
      { account_id: Object.create(null) },
    ]) {
      const error = await rejectionOf(
        hsrcpay.raw.GET("/api-keys/", { params: { query: query as { account_id: string } } }),
      );
      expect(error).toBeInstanceOf(HsrcpayValidationError);
    }
    expect(server?.requests).toEqual([]);
  });

  it("delete: a 2xx body of U+00A0 or U+2028 is not an empty answer", async () => {
    for (const text of ["\u00a0", "\u2028"]) {
      const { hsrcpay } = await clientFor((res) => answer(res, 200, text));
      expect(await rejectionOf(hsrcpay.apiKeys.delete("key_1"))).toBeInstanceOf(
        HsrcpayInvalidResponseError,
      );
      await server?.close();
      server = undefined;
    }
  });

  it("a first 404 on delete is still NotFoundError with a hostile body", async () => {
    const { hsrcpay } = await clientFor((res) =>
      answer(res, 404, `{"success":false,"key":"${managedKey}"}`),
    );
    const error = await rejectionOf(hsrcpay.apiKeys.delete("key_1"));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(printed(error)).not.toContain(managedKey);
  });
});
