// The types close each enum to the values the spec documents; at run time a value outside them is
// HSRCPAY's to add, so it passes through untouched and the client says so once, at `warn`, through
// the logger the user turned on: which operation, which field, which value (masked).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type DeclineCode, declineKind, type HsrcpayClientOptions } from "../../src/index.js";
import { clientWith } from "../helpers/client-with.js";
import { confirmed, paymentData } from "../helpers/fixtures/payments.js";
import { logRecorder } from "../helpers/log-recorder.js";
import { json } from "../helpers/observed-fetch.js";

const envelope = (data: unknown, more = {}) => ({
  message: "success",
  success: true,
  data,
  ...more,
});
const page = (items: unknown[]) =>
  envelope(items, { total: items.length, page: 1, limit: items.length, pages: 1 });

function loggingClient(answer: () => unknown, options: HsrcpayClientOptions = {}) {
  const log = logRecorder();
  const { hsrcpay } = clientWith(() => json(200, answer()), {
    logLevel: "warn",
    logger: log.logger,
    ...options,
  });
  const warnings = () => log.lines.filter((line) => line.level === "warn").map((l) => l.line);
  return { hsrcpay, log, warnings };
}

describe("a value outside a documented enum", () => {
  it("passes through untouched, and is told once at warn, naming operation, field and value", async () => {
    const { hsrcpay, warnings } = loggingClient(() =>
      envelope({ ...paymentData, status: "DISPUTED" }),
    );
    const payment = await hsrcpay.payments.retrieve("pay_1");
    expect(payment.status).toBe("DISPUTED");
    await hsrcpay.payments.retrieve("pay_1");
    expect(warnings()).toEqual([
      '[hsrcpay] GET /payments/{id}: status is "DISPUTED", a value this version does not know (it is passed on as it is)',
    ]);
  });

  it("is told by its place in a nested answer and in a list's items, once per field and value", async () => {
    const result = {
      ok: false,
      latestResult: { kind: "error", errCode: "card_velocity_exceeded" },
    };
    const { hsrcpay, warnings } = loggingClient(() => envelope(confirmed("ON_HOLD", result)));
    const { confirmResult } = await hsrcpay.payments.confirm("pay_1", {
      payment_method: { id: "pm_1" },
    });
    expect(confirmResult.latestResult.errCode).toBe("card_velocity_exceeded");
    expect(declineKind(confirmResult)).toBe("unknown");
    expect(warnings()).toEqual([
      expect.stringContaining('payment.status is "ON_HOLD"'),
      expect.stringContaining('confirmResult.latestResult.errCode is "card_velocity_exceeded"'),
    ]);

    // Items are told apart by id: the iterator skips an item it has seen (a shifting page).
    const item = (id: string, status: string) => ({ ...paymentData, id, status });
    const list = loggingClient(() =>
      page([item("pay_1", "CREATED"), item("pay_2", "ON_HOLD"), item("pay_3", "ON_HOLD")]),
    );
    const items = [];
    for await (const item of list.hsrcpay.payments.list()) items.push(item.status);
    expect(items).toEqual(["CREATED", "ON_HOLD", "ON_HOLD"]);
    expect(list.warnings()).toEqual([
      expect.stringContaining('GET /payments/: status is "ON_HOLD"'),
    ]);
  });

  it("says nothing for the documented values, and nothing when logging is off or above warn", async () => {
    const documented = loggingClient(() => envelope({ ...paymentData, status: "SUCCEEDED" }));
    await documented.hsrcpay.payments.retrieve("pay_1");
    expect(documented.warnings()).toEqual([]);
    const quiet = loggingClient(() => envelope({ ...paymentData, status: "DISPUTED" }), {
      logLevel: "error",
    });
    expect((await quiet.hsrcpay.payments.retrieve("pay_1")).status).toBe("DISPUTED");
    expect(quiet.log.lines).toEqual([]);
  });

  it("is masked like every line: a card number sent as a status never reaches the log", async () => {
    const { hsrcpay, log, warnings } = loggingClient(() =>
      envelope({ ...paymentData, status: "4111 1111 1111 1111" }),
    );
    const payment = await hsrcpay.payments.retrieve("pay_1");
    expect(payment.status).toBe("4111 1111 1111 1111");
    expect(warnings()).toHaveLength(1);
    expect(log.text()).not.toMatch(/4111/);
  });

  it("is told of at most 100 times per client, however many values a server invents", async () => {
    let next = 0;
    const { hsrcpay, warnings } = loggingClient(() =>
      page(Array.from({ length: 60 }, () => ({ ...paymentData, status: `NEW_${next++}` }))),
    );
    for (let call = 0; call < 4; call++) await hsrcpay.payments.list();
    expect(warnings()).toHaveLength(100);
  });

  it("still refuses a value of the wrong JSON type", async () => {
    const { hsrcpay } = loggingClient(() => envelope({ ...paymentData, status: 7 }));
    await expect(hsrcpay.payments.retrieve("pay_1")).rejects.toThrow("status must be string");
  });
});

describe("declineKind", () => {
  const kinds: Record<DeclineCode, string> = {
    invalid_payment_method: "hard",
    invalid_currency: "hard",
    invalid_credentials: "hard",
    invalid_api_key: "hard",
    system_proxy_timeout: "soft",
    system_network_other: "soft",
    system_network_econnreset: "soft",
    system_no_provider_strategy_available_for_routing_plan: "hard",
    system_unknown: "unknown",
  };
  const result = (errCode?: string) => ({ latestResult: { kind: "error", errCode } });

  it("is what HSRCPAY's declines guide says of each code it lists", () => {
    for (const [code, kind] of Object.entries(kinds)) expect(declineKind(result(code))).toBe(kind);
  });

  it("is unknown for any other code, for none, and for names on Object.prototype", () => {
    expect(declineKind(result())).toBe("unknown");
    expect(declineKind(undefined)).toBe("unknown");
    for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      expect(declineKind(result(name))).toBe("unknown");
    }
    fc.assert(
      fc.property(
        fc.string().filter((code) => !Object.hasOwn(kinds, code)),
        (code) => declineKind(result(code)) === "unknown",
      ),
    );
  });
});

describe("an include_* flag", () => {
  it("makes its field required: an answer without it is an invalid response, naming both", async () => {
    const { hsrcpay } = loggingClient(() => envelope(paymentData));
    await expect(hsrcpay.payments.retrieve("pay_1", { include_charges: true })).rejects.toThrow(
      "charges is required with include_charges=true",
    );
    const list = loggingClient(() => page([{ ...paymentData, charges: [] }, paymentData]));
    await expect(list.hsrcpay.payments.list({ include_charges: true })).rejects.toThrow(
      "[1].charges is required with include_charges=true",
    );
  });

  it("asks nothing without the flag, with false, or for a flag that embeds no field of its own", async () => {
    const { hsrcpay } = loggingClient(() => envelope(paymentData));
    await expect(hsrcpay.payments.retrieve("pay_1")).resolves.toMatchObject({ id: paymentData.id });
    await expect(
      hsrcpay.payments.retrieve("pay_1", {
        include_charges: false,
        include_payment_provider_details: true,
      }),
    ).resolves.toMatchObject({ id: paymentData.id });
  });

  it("accepts a customer embedded as null (no linked customer)", async () => {
    const { hsrcpay } = loggingClient(() => envelope({ ...paymentData, customer: null }));
    const payment = await hsrcpay.payments.retrieve("pay_1", { include_customer: true });
    expect(payment.customer).toBeNull();
  });
});
