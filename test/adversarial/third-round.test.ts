// Third round of attacks: what a server (or a proxy, or a polluted runtime) can make the client hand
// back or send. The contract these hold the client to: errors and `lastResponse` carry structured
// fields only (status, the envelope's code, message and details, the request id, Retry-After, the
// Idempotency-Key, and an allow-list of headers, never a name the server chose); a failure body that
// is not HSRCPAY's envelope is described by its type and size, never quoted; every string the server
// sent is masked (the token, the request's secret fields, the answer's secret fields, Luhn-valid card
// numbers however grouped), while a typed field is never rewritten; only HsrcpayErrors escape.
// Every test here failed on 502517e.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { responses } from "../../generated/responses.js";
import {
  type CreateWebhookParams,
  createHsrcpayClient,
  type HsrcpayClientOptions,
  HsrcpayError,
  HsrcpayInvalidResponseError,
  HsrcpayValidationError,
  UnprocessableEntityError,
} from "../../src/index.js";
import { createHsrcpayMock } from "../../src/testing/index.js";
import {
  type Fault,
  type FaultServer,
  sendJson,
  sendRaw,
  startFaultServer,
} from "../helpers/fault-server.js";
import { paymentData } from "../helpers/fixtures/payments.js";
import { apiKeyData } from "../helpers/fixtures.js";
import { logRecorder } from "../helpers/log-recorder.js";
import { printed } from "../helpers/printed.js";
import { rejectionOf } from "../helpers/rejection.js";
import type { ThirdRoundChildResult } from "./third-round-child.js";

const token = "sk_test_Q7w2Er9Ty4Ui1Op6As3Df8Gh";

/** The only header names an error or a `lastResponse` may hold. */
const allowedHeaders = new Set([
  "content-type",
  "x-request-id",
  "request-id",
  "retry-after",
  "x-ratelimit-limit",
  "x-ratelimit-remaining",
  "x-ratelimit-reset",
  "ratelimit",
  "ratelimit-policy",
  "ratelimit-limit",
  "ratelimit-remaining",
  "ratelimit-reset",
]);

const servers = new Set<FaultServer>();
afterEach(async () => {
  await Promise.all([...servers].map((server) => server.close()));
  servers.clear();
});

async function serve(fault: Fault): Promise<FaultServer> {
  const server = await startFaultServer(fault);
  servers.add(server);
  return server;
}

function clientOf(server: FaultServer, options: HsrcpayClientOptions = {}) {
  return createHsrcpayClient({ token, baseUrl: server.baseUrl, maxRetries: 0, ...options });
}

const success = (data: unknown) => ({ message: "success", success: true, data });
const page = (data: unknown[]) => ({
  message: "success",
  success: true,
  data,
  total: data.length,
  page: 1,
  limit: 10,
  pages: data.length === 0 ? 0 : 1,
});
const failure = (code: number, message: string, details: Record<string, unknown> = {}) => ({
  message,
  success: false,
  error: { code, message, details },
});

/** The spec's 200 example of an operation, a fresh copy. */
function example(operation: string): Record<string, unknown> {
  const answer = responses[operation]?.statuses["200"];
  if (answer === undefined) throw new Error(`no 200 example for ${operation}`);
  return structuredClone(answer) as Record<string, unknown>;
}

/** Confirm's documented 200 answer (3-D Secure), its data changed by `change`. */
function confirmAnswer(
  change: (data: {
    payment: Record<string, unknown>;
    confirmResult: { paymentNextAction: Record<string, unknown> };
  }) => void,
) {
  const answer = example("POST /payments/{id}/confirm");
  change(answer.data as Parameters<typeof change>[0]);
  return answer;
}

const savedMethod = { payment_method: { id: "pm_4Tw7Yz0Ab3Cd6Ef9" } };

/**
 * Everything a caller could print of an error or a ResponseMeta: inspect, the message and stack,
 * JSON of every own property, each header's name and value, the request id.
 */
function everythingOf(value: unknown): string {
  const record = value as Record<string, unknown>;
  const own: Record<string, unknown> = {};
  for (const name of Object.getOwnPropertyNames(record)) own[name] = record[name];
  let json: string;
  try {
    json = JSON.stringify(own);
  } catch (error) {
    json = `(not JSON: ${String(error)})`;
  }
  const headers =
    record.headers instanceof Headers
      ? [...record.headers].map(([name, text]) => `${name}: ${text}`).join("\n")
      : "";
  const error = value instanceof Error ? `${value.message}\n${value.stack}` : "";
  return [inspect(value, { depth: 20 }), error, json, headers, String(record.requestId)].join("\n");
}

function headerNames(headers: unknown): string[] {
  expect(headers).toBeInstanceOf(Headers);
  return [...(headers as Headers).keys()];
}

// --- 1 ---------------------------------------------------------------------------------------------

describe("a secret the server puts in a header NAME is nowhere in what the call hands back", () => {
  // Upper-case letters, so that the lower-cased header name is not the secret as sent.
  const webhookSecret = "WhSec7Kd2Lm9Np4Qr1St6Vx3Yz8";
  const apiKey = "K9f2C8d1E7b3A6f4D0c2E8b1";
  const webhook = (secret: string) => ({
    ...(example("POST /webhooks/").data as Record<string, unknown>),
    secret,
  });
  const key = { ...apiKeyData, key: apiKey };
  const echo = (secret: string) => ({ [`x-echo-${secret}`]: "1" });
  const webhookParams: CreateWebhookParams = {
    endpoint: "https://shop.example/hooks",
    enabled_events: ["payment.succeeded"],
    secret: webhookSecret,
  };

  const cases: {
    name: string;
    secret: string;
    answer: Fault;
    run: (hsrcpay: ReturnType<typeof clientOf>) => Promise<unknown>;
  }[] = [
    {
      name: "the webhook secret sent, on a failure (webhooks.create answered 400)",
      secret: webhookSecret,
      answer: (res) => sendJson(res, 400, failure(400, "bad endpoint"), echo(webhookSecret)),
      run: (hsrcpay) => rejectionOf(hsrcpay.webhooks.create(webhookParams)),
    },
    {
      name: "the webhook secret sent, on a success's lastResponse (webhooks.create)",
      secret: webhookSecret,
      answer: (res) => sendJson(res, 200, success(webhook(webhookSecret)), echo(webhookSecret)),
      run: async (hsrcpay) => (await hsrcpay.webhooks.create(webhookParams)).lastResponse,
    },
    {
      name: "a listed webhook's secret, on the page's lastResponse (webhooks.list)",
      secret: webhookSecret,
      answer: (res) => sendJson(res, 200, success([webhook(webhookSecret)]), echo(webhookSecret)),
      run: async (hsrcpay) => (await hsrcpay.webhooks.list()).lastResponse,
    },
    {
      name: "an unprefixed key in the failure's body, on the error (apiKeys.regenerate answered 409)",
      secret: apiKey,
      answer: (res) => sendJson(res, 409, failure(409, "conflict", { key: apiKey }), echo(apiKey)),
      run: (hsrcpay) => rejectionOf(hsrcpay.apiKeys.regenerate("key_9xT2mQ4rL7vN1bZ8")),
    },
    {
      name: "a created unprefixed key, on the success's lastResponse (apiKeys.create)",
      secret: apiKey,
      answer: (res) => sendJson(res, 200, success(key), echo(apiKey)),
      run: async (hsrcpay) =>
        (
          await hsrcpay.apiKeys.create({
            account_id: "acct_1",
            name: "CI deploy",
            permissions: { payments: ["read"] },
          })
        ).lastResponse,
    },
    {
      name: "a listed unprefixed key, on the page's lastResponse (apiKeys.list)",
      secret: apiKey,
      answer: (res) => sendJson(res, 200, page([key]), echo(apiKey)),
      run: async (hsrcpay) => (await hsrcpay.apiKeys.list({ account_id: "acct_1" })).lastResponse,
    },
  ];

  it.each(cases)("$name", async ({ secret, answer, run }) => {
    const server = await serve(answer);
    const handed = await run(clientOf(server));
    expect(handed).toBeDefined();
    expect(server.requests).toHaveLength(1);
    const names = headerNames((handed as { headers?: unknown }).headers);
    for (const name of names) expect(name.toLowerCase()).not.toContain(secret.toLowerCase());
    expect(everythingOf(handed).toLowerCase()).not.toContain(secret.toLowerCase());
  });
});

// --- 2 ---------------------------------------------------------------------------------------------

describe("a polluted Object.prototype reaches neither the query nor the headers", () => {
  const cases: {
    name: string;
    run: (hsrcpay: ReturnType<typeof clientOf>) => Promise<unknown>;
    accountId: string | null;
  }[] = [
    {
      name: "apiKeys.list({ account_id })",
      run: async (hsrcpay) => hsrcpay.apiKeys.list({ account_id: "acct_1" }),
      accountId: "acct_1",
    },
    {
      name: "payments.list() without account_id",
      run: async (hsrcpay) => hsrcpay.payments.list(),
      accountId: null,
    },
    {
      name: "raw.GET with a query",
      run: (hsrcpay) => hsrcpay.raw.GET("/payments/", { params: { query: { limit: 10 } } }),
      accountId: null,
    },
  ];

  it.each(cases)("$name", async ({ run, accountId }) => {
    const server = await serve((res) => sendJson(res, 200, page([])));
    const hsrcpay = clientOf(server);
    const prototype = Object.prototype as Record<string, unknown>;
    let outcome: unknown;
    try {
      prototype.account_id = "acct_evil";
      prototype["x-polluted"] = "yes";
      outcome = await run(hsrcpay).catch((error: unknown) => error);
    } finally {
      delete prototype.account_id;
      delete prototype["x-polluted"];
    }
    expect(server.requests).toHaveLength(1);
    const [seen] = server.requests;
    const query = new URL(seen?.url ?? "", "http://127.0.0.1").searchParams;
    expect(query.getAll("account_id")).toEqual(accountId === null ? [] : [accountId]);
    expect(query.has("x-polluted")).toBe(false);
    expect(seen?.url).not.toContain("acct_evil");
    expect(seen?.url).not.toContain("polluted");
    const names = Object.keys(seen?.headers ?? {});
    expect(names).not.toContain("x-polluted");
    expect(names).not.toContain("account_id");
    expect(Object.values(seen?.headers ?? {}).join("\n")).not.toContain("acct_evil");
    expect(outcome).not.toBeInstanceOf(Error);
  });
});

// --- 3 ---------------------------------------------------------------------------------------------

describe("metadata without a bottom is refused at once, in a child process", () => {
  const childScript = fileURLToPath(new URL("./third-round-child.ts", import.meta.url));
  const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
  const killAfterMs = 20_000;
  const children = new Set<ChildProcess>();
  afterEach(() => {
    for (const child of children) child.kill("SIGKILL");
    children.clear();
  });

  async function runChild(baseUrl: string, caseName: string): Promise<ThirdRoundChildResult> {
    const child = spawn(
      process.execPath,
      ["--max-old-space-size=512", "--import", "tsx", childScript, baseUrl, caseName],
      { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] },
    );
    children.add(child);
    let stdout = "";
    let stderr = "";
    child.stdout?.setEncoding("utf8").on("data", (text: string) => {
      stdout += text;
    });
    child.stderr?.setEncoding("utf8").on("data", (text: string) => {
      stderr = (stderr + text).slice(-4_000);
    });
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill("SIGKILL");
    }, killAfterMs);
    const [code, signal] = (await once(child, "close")) as [number | null, string | null];
    clearTimeout(timer);
    children.delete(child);
    if (killed) {
      throw new Error(
        `the child was killed after ${killAfterMs / 1000} s: payments.create with the ${caseName} metadata never returned (an endless walk?)`,
      );
    }
    if (code !== 0) {
      throw new Error(
        `the child died (exit ${code ?? signal}) without a result, out of memory or crashed, on the ${caseName} metadata:\n${stderr}`,
      );
    }
    const line = stdout.trim().split("\n").at(-1) ?? "";
    try {
      return JSON.parse(line) as ThirdRoundChildResult;
    } catch {
      throw new Error(`the child printed something else than its result:\n${stdout}\n${stderr}`);
    }
  }

  it.each([
    ["metadata that contains itself", "cycle"],
    ["a bottomless Proxy as metadata", "proxy"],
  ])(
    "%s",
    async (_, caseName) => {
      const server = await serve((res) => sendJson(res, 200, success(paymentData)));
      const result = await runChild(server.baseUrl, caseName);
      expect(result, JSON.stringify(result)).toMatchObject({ name: "HsrcpayValidationError" });
      expect(result.field ?? "").toMatch(/^metadata/);
      expect(server.requests).toHaveLength(0);
    },
    killAfterMs + 15_000,
  );
});

// --- 4 ---------------------------------------------------------------------------------------------

describe("only HsrcpayErrors escape", () => {
  it("raw.POST answered 200 text/html: an HsrcpayError, not a SyntaxError quoting the page", async () => {
    const server = await serve((res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html>proxy 4111111111111111</html>");
    });
    const hsrcpay = clientOf(server);
    const error = await rejectionOf(
      hsrcpay.raw.POST("/payments/", { body: { amount: 100, currency: "USD" } }),
    );
    expect(error).not.toBeInstanceOf(SyntaxError);
    expect(error).toBeInstanceOf(HsrcpayError);
    const text = printed(error);
    expect(text).not.toContain("<html>");
    expect(text).not.toContain("4111111111111111");
  });

  // The confirm body's one free-form object is payer_identity.ip_address_details
  // (additionalProperties: true). 4,600 secret fields whose values are 16-digit strings: on
  // 502517e each became one alternative of a single regular expression, which V8 refuses
  // ("Regular expression too large") before anything is sent.
  const manySecrets = () => {
    const details: Record<string, unknown> = {};
    for (let i = 0; i < 4_600; i++) {
      details[`k${i}`] = { secret: String(4_000_000_000_000_000 + i) };
    }
    return details;
  };
  const confirmParams = () => ({
    payment_method: {
      data: { pan: "4111111111111111", month: "12", year: "30", cvv: "987" },
    },
    payer_identity: { ip_address: "203.0.113.7", ip_address_details: manySecrets() },
  });

  it.each([
    { name: "answered 500", status: 500, echo: false },
    { name: "answered 422 echoing the body", status: 422, echo: true },
  ])(
    "a confirm carrying 4,600 secret fields, $name: an HsrcpayError with its idempotencyKey",
    async ({ status, echo }) => {
      let server: FaultServer | undefined;
      server = await serve((res, index) => {
        const details = echo ? (server?.requests[index]?.body ?? "{}") : "{}";
        sendRaw(
          res,
          status,
          `{"message":"failed","success":false,"error":{"code":${status},"message":"failed","details":${details}}}`,
        );
      });
      const hsrcpay = clientOf(server);
      const error = await rejectionOf(hsrcpay.payments.confirm("pay_1", confirmParams()));
      // The start of the message only: on 502517e it quotes a regular expression of 700 KB.
      const said = String(error).slice(0, 200);
      expect(error instanceof SyntaxError, said).toBe(false);
      expect(error instanceof HsrcpayError, said).toBe(true);
      expect(said).not.toMatch(/regular expression/i);
      const { idempotencyKey } = error as { idempotencyKey?: unknown };
      expect(typeof idempotencyKey).toBe("string");
      const sent = server.requests[0]?.headers["idempotency-key"];
      if (sent !== undefined) expect(idempotencyKey).toBe(sent);
    },
  );
});

// --- 5 ---------------------------------------------------------------------------------------------

it("a card number echoed as an exponent JSON number shows in no log line and nowhere on the error", async () => {
  const pan = "4000056655665556";
  const exponent = "4.000056655665556e15";
  const server = await serve((res) =>
    sendRaw(
      res,
      422,
      `{"message":"invalid card","success":false,"error":{"code":422,"message":"card declined","details":{"pan":${exponent},"echo":${exponent}}}}`,
    ),
  );
  const log = logRecorder();
  const hsrcpay = clientOf(server, { logLevel: "debug", logger: log.logger });
  const error = await rejectionOf(
    hsrcpay.payments.confirm("pay_1", {
      payment_method: { data: { pan, month: "12", year: "30", cvv: "123" } },
    }),
  );
  expect(error).toBeInstanceOf(UnprocessableEntityError);
  expect(log.lines.length).toBeGreaterThan(0);
  const forms = [exponent, pan, "4000 0566"];
  for (const { line } of log.lines) {
    for (const form of forms) expect(line).not.toContain(form);
  }
  const details = JSON.stringify((error as UnprocessableEntityError).details);
  for (const form of forms) {
    expect((error as Error).message).not.toContain(form);
    expect(details).not.toContain(form);
    expect(inspect(error, { depth: 20 })).not.toContain(form);
  }
});

// --- 6 ---------------------------------------------------------------------------------------------

it("withOptions on a client that read HSRCPAY_API_KEY keeps that key when the variable changes or goes", async () => {
  const original = "sk_test_Env0riginal1Key2Abc3Def";
  const other = "sk_test_Env0ther9Key8Zyx7Wvu6";
  const server = await serve((res) => sendJson(res, 200, page([])));
  const saved = process.env.HSRCPAY_API_KEY;
  try {
    process.env.HSRCPAY_API_KEY = original;
    const hsrcpay = createHsrcpayClient({ baseUrl: server.baseUrl, maxRetries: 0 });
    process.env.HSRCPAY_API_KEY = other;
    await hsrcpay.withOptions({ timeout: 5_000 }).payments.list();
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${original}`);
    delete process.env.HSRCPAY_API_KEY;
    const derived = hsrcpay.withOptions({ timeout: 5_000 });
    await derived.payments.list();
  } finally {
    if (saved === undefined) delete process.env.HSRCPAY_API_KEY;
    else process.env.HSRCPAY_API_KEY = saved;
  }
  expect(server.requests.map((seen) => seen.headers.authorization)).toEqual([
    `Bearer ${original}`,
    `Bearer ${original}`,
  ]);
});

// --- 7 ---------------------------------------------------------------------------------------------

it.each(["statuss", "stauts", "netwrok", "stat"])(
  "createHsrcpayMock().on() with a misspelt outcome field (%s) throws at once, naming it",
  (field) => {
    const mock = createHsrcpayMock();
    let thrown: unknown;
    try {
      mock.on("confirmPayment", { [field]: 503 } as never);
    } catch (error) {
      thrown = error;
    }
    expect(thrown, "on() returned without a word").toBeInstanceOf(Error);
    expect((thrown as Error).message).toContain(field);
  },
);

// --- 8 ---------------------------------------------------------------------------------------------

describe("a 3-D Secure next action whose url is not https: is an invalid response", () => {
  const valid = "https://bank.example/3ds/challenge";
  it.each([
    "javascript:alert(1)",
    "data:text/html,hi",
    "http://bank.example/3ds",
    "//bank.example/3ds",
    "https://bank.example/3ds\r\nSet-Cookie: x=1",
    "",
  ])("%j (after a control with an https: url that resolves)", async (url) => {
    const server = await serve((res, index) =>
      sendJson(
        res,
        200,
        confirmAnswer((data) => {
          data.confirmResult.paymentNextAction.url = index === 0 ? valid : url;
        }),
      ),
    );
    const hsrcpay = clientOf(server);
    const control = await hsrcpay.payments.confirm("pay_1", savedMethod);
    expect(control.confirmResult.paymentNextAction?.url).toBe(valid);
    const error = await rejectionOf(hsrcpay.payments.confirm("pay_1", savedMethod));
    expect(error, String(error)).toBeInstanceOf(HsrcpayInvalidResponseError);
  });
});

// --- 9 ---------------------------------------------------------------------------------------------

describe("a confirmed payment that breaks the Payment schema is an invalid response", () => {
  it.each<[string, (payment: Record<string, unknown>) => void]>([
    ["status missing", (payment) => delete payment.status],
    ["amount a string", (payment) => (payment.amount = "12500")],
    ["metadata null", (payment) => (payment.metadata = null)],
    ["charges a string", (payment) => (payment.charges = "none")],
  ])("%s", async (_, change) => {
    const server = await serve((res) =>
      sendJson(
        res,
        200,
        confirmAnswer((data) => change(data.payment)),
      ),
    );
    const error = await rejectionOf(clientOf(server).payments.confirm("pay_1", savedMethod));
    expect(error, String(error)).toBeInstanceOf(HsrcpayInvalidResponseError);
  });
});

// --- 10 --------------------------------------------------------------------------------------------

it.each([
  ["integrity", { integrity: "sha256-x" }],
  ["mode", { mode: "no-cors" }],
  ["window", { window: null }],
])("fetchOptions.%s is refused at construction", (name, fetchOptions) => {
  let thrown: unknown;
  try {
    createHsrcpayClient({ token, baseUrl: "http://127.0.0.1:9/v1", fetchOptions });
  } catch (error) {
    thrown = error;
  }
  expect(thrown, "the client was made").toBeInstanceOf(HsrcpayValidationError);
  expect((thrown as HsrcpayValidationError).field).toBe(`fetchOptions.${name}`);
});

// --- 11 --------------------------------------------------------------------------------------------

it("the envelope's numeric code stays 422 when the request's cvv was 422", async () => {
  const server = await serve((res) =>
    sendJson(res, 422, {
      success: false,
      message: "invalid",
      error: { code: 422, message: "card declined", details: {} },
    }),
  );
  const error = await rejectionOf(
    clientOf(server).payments.confirm("pay_1", {
      payment_method: { data: { pan: "4111111111111111", month: "12", year: "30", cvv: "422" } },
    }),
  );
  expect(error).toBeInstanceOf(UnprocessableEntityError);
  expect((error as UnprocessableEntityError).code).toBe(422);
  expect((error as UnprocessableEntityError).status).toBe(422);
});

// --- 12 --------------------------------------------------------------------------------------------

it("a 502 HTML page: the error names its type and size, quotes none of it, keeps allow-listed headers only", async () => {
  const body = `<html><body>Bad gateway 4111 1111 1111 1111 ${token}</body></html>`;
  const bytes = Buffer.byteLength(body);
  const server = await serve((res) => {
    res.writeHead(502, {
      "content-type": "text/html",
      "content-length": String(bytes),
      "x-custom-thing": "1",
      "set-cookie": "a=b",
      "x-request-id": "req_502",
    });
    res.end(body);
  });
  const error = await rejectionOf(
    clientOf(server).payments.create({ amount: 100, currency: "USD" }),
  );
  expect(error).toBeInstanceOf(HsrcpayError);
  const { message } = error as Error;
  expect(message).toContain("text/html");
  expect(message).toContain(String(bytes));
  for (const part of ["<html", "body>", "Bad gateway", "4111", token]) {
    expect(message).not.toContain(part);
  }
  const record = error as unknown as Record<string, unknown>;
  expect("bodyStart" in record ? record.bodyStart : undefined).toBeUndefined();
  const names = headerNames(record.headers);
  expect(names).not.toContain("x-custom-thing");
  expect(names).not.toContain("set-cookie");
  for (const name of names) expect(allowedHeaders.has(name), name).toBe(true);
  expect((record.headers as Headers).get("x-request-id")).toBe("req_502");
  expect(record.requestId).toBe("req_502");
  const text = printed(error);
  for (const part of ["<html", "Bad gateway", "4111 1111", token]) {
    expect(text).not.toContain(part);
  }
});

// --- 13 --------------------------------------------------------------------------------------------

it("a success's lastResponse.headers holds the allow-listed headers and no others", async () => {
  const server = await serve((res) =>
    sendJson(res, 200, success(paymentData), {
      "x-request-id": "req_13",
      "x-ratelimit-remaining": "99",
      "x-internal-host": "db-7",
      "set-cookie": "s=1",
    }),
  );
  const payment = await clientOf(server).payments.create({ amount: 100, currency: "USD" });
  const { headers } = payment.lastResponse;
  expect(headers.get("x-request-id")).toBe("req_13");
  expect(headers.get("x-ratelimit-remaining")).toBe("99");
  expect(headers.get("content-type")).toBe("application/json");
  const names = headerNames(headers);
  expect(names).not.toContain("x-internal-host");
  expect(names).not.toContain("set-cookie");
  for (const name of names) expect(allowedHeaders.has(name), name).toBe(true);
});
