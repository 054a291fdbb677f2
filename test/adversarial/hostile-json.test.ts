// JSON keys such as `__proto__`, `constructor` and `toString`, from the server and from the caller:
// own-property checks everywhere, and copies that cannot set a prototype.
import { afterEach, describe, expect, it } from "vitest";
import { BadRequestError, createHsrcpayClient, HsrcpayValidationError } from "../../src/index.js";
import { type FaultServer, startFaultServer } from "../helpers/fault-server.js";
import { params, token } from "../helpers/fixtures.js";
import { rejectionOf } from "../helpers/rejection.js";

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("an error body with __proto__ keys", () => {
  // Written as text: JSON.parse makes "__proto__" an own property, as a server's bytes would.
  const hostile = `{"message":"bad","success":false,"__proto__":{"details":{"forged":true}},
    "error":{"code":400,"message":"bad","details":{"__proto__":{"toString":"x","polluted":true},"field":"name"}}}`;

  it("gives err.body and err.details the ordinary prototype, with the key kept as data", async () => {
    server = await startFaultServer((res) => {
      res.writeHead(400, { "content-type": "application/json" }).end(hostile);
    });
    const hsrcpay = createHsrcpayClient({ token, baseUrl: server.baseUrl });
    const error = (await rejectionOf(hsrcpay.apiKeys.create(params))) as BadRequestError;
    expect(error).toBeInstanceOf(BadRequestError);
    const details = error.details as Record<string, unknown>;
    expect(Object.getPrototypeOf(details)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(error.body)).toBe(Object.prototype);
    expect(() => String(details)).not.toThrow();
    expect(details.polluted).toBeUndefined();
    expect(details.field).toBe("name");
    expect(Object.hasOwn(details, "__proto__")).toBe(true);
    expect((error.body as unknown as Record<string, unknown>).details).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("params with inherited names as fields", () => {
  const fetch = async () => new Response(null, { status: 500 });

  it.each([
    ["__proto__ from JSON.parse", '{"__proto__":{"x":1}}', "__proto__"],
    ["constructor", '{"constructor":"x"}', "constructor"],
    ["toString", '{"toString":"x"}', "toString"],
    ["hasOwnProperty", '{"hasOwnProperty":1}', "hasOwnProperty"],
  ])("refuses %s as a body field, before anything is sent", async (_name, extra, field) => {
    let sent = 0;
    const hsrcpay = createHsrcpayClient({
      token,
      baseUrl: "https://api.hsrcpay.test/v1",
      fetch: async () => {
        sent++;
        return fetch();
      },
    });
    const hostile = { ...params, ...JSON.parse(extra) } as typeof params;
    const error = await rejectionOf(hsrcpay.apiKeys.create(hostile));
    expect(error).toBeInstanceOf(HsrcpayValidationError);
    expect((error as HsrcpayValidationError).field).toBe(field);
    expect(sent).toBe(0);
  });
});

describe("an error body nested deeper than a stack", () => {
  // 60 KiB of nesting fits under the 64 KiB failure-body cap; a recursive copy overflowed the stack
  // on it, and the call ended in a bare RangeError instead of its typed error. The innermost member
  // is a secret field: found and masked at the bottom all the same.
  const depth = 10_000;
  const secret = "k".repeat(20);
  const nested = `${'{"a":'.repeat(depth - 1)}{"key":"${secret}"}${"}".repeat(depth - 1)}`;
  const body = `{"message":"deep","success":false,"error":{"code":400,"message":"deep","details":${nested}}}`;

  it("is still the status's typed error, its structure kept and the secret at its bottom masked", async () => {
    server = await startFaultServer((res) => {
      res.writeHead(400, { "content-type": "application/json" }).end(body);
    });
    const hsrcpay = createHsrcpayClient({ token, baseUrl: server.baseUrl });
    const error = (await rejectionOf(hsrcpay.apiKeys.create(params))) as BadRequestError;
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.message).toBe("400 deep (POST /v1/api-keys/)");
    let level: unknown = error.details;
    let levels = 0;
    while ((level as { a?: unknown }).a !== undefined) {
      level = (level as { a: unknown }).a;
      levels++;
    }
    expect(levels).toBe(depth - 1);
    expect(level).toEqual({ key: "[redacted]" });
  });
});
