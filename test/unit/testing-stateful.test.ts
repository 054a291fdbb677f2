// The stateful mock (#30): what a test creates it can retrieve and list, confirm moves a payment by
// the sandbox rules and leaves charges consistent with it, Idempotency-Keys replay or conflict,
// deletes are final, and the state is the mock's own.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { responses } from "../../generated/responses.js";
import {
  ConflictError,
  createHsrcpayClient,
  type HsrcpayClient,
  NotFoundError,
  UnprocessableEntityError,
} from "../../src/index.js";
import { createHsrcpayMock } from "../../src/testing/index.js";
import { rejectionOf } from "../helpers/rejection.js";

const token = "sk_test_mockstate000000000000001";
/** The spec's sandbox card (the confirm request's `card` example): the allowlist. */
const sandboxCard = { pan: "4111111111111111", month: "12", year: "30", cvv: "123" };
const otherCard = { pan: "4000000000000002", month: "12", year: "30", cvv: "123" };
const documented = [
  "CREATED",
  "REQUIRES_PAYMENT_METHOD",
  "REQUIRES_ACTION",
  "PROCESSING",
  "AUTHORIZED",
  "SUCCEEDED",
  "CANCELED",
  "REFUNDED",
  "EXPIRED",
];

function setup(mock = createHsrcpayMock({ stateful: true })) {
  return { mock, hsrcpay: createHsrcpayClient({ token, fetch: mock.fetch, maxRetries: 0 }) };
}

const confirmWith = (hsrcpay: HsrcpayClient, id: string, data: typeof sandboxCard) =>
  hsrcpay.payments.confirm(id, { payment_method: { data } });

describe("what a test creates", () => {
  it("is retrieved and listed with the request's fields, a minted id, the rest from the spec", async () => {
    const { mock, hsrcpay } = setup();
    const created = await hsrcpay.payments.create({
      amount: 100,
      currency: "EUR",
      metadata: { order_id: "ord_9" },
    });
    expect(created.id).toMatch(/^pay_/);
    expect(created).toMatchObject({ amount: 100, currency: "EUR", status: "CREATED" });
    expect(created.metadata).toEqual({ order_id: "ord_9" });
    expect(created.lastResponse.status).toBe(200);
    const retrieved = await hsrcpay.payments.retrieve(created.id);
    expect(JSON.parse(JSON.stringify(retrieved))).toEqual(JSON.parse(JSON.stringify(created)));
    expect("charges" in retrieved).toBe(false);
    const listed = await hsrcpay.payments.list();
    expect(listed.data.map((payment) => payment.id)).toEqual([created.id]);
    expect(listed).toMatchObject({ total: 1, page: 1, pages: 1 });
    mock.assertNoViolations();
  });

  it("each create is its own item, listed in order and paginated", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 12 }),
        async (amounts) => {
          const { hsrcpay } = setup();
          const ids: string[] = [];
          for (const amount of amounts) {
            ids.push((await hsrcpay.payments.create({ amount, currency: "USD" })).id);
          }
          expect(new Set(ids).size).toBe(amounts.length);
          const walked: number[] = [];
          for await (const payment of hsrcpay.payments.list({ limit: 5 }))
            walked.push(payment.amount);
          expect(walked).toEqual(amounts);
        },
      ),
      { numRuns: 15 },
    );
  });

  it("another mock does not see it, and reset forgets it", async () => {
    const first = setup();
    const second = setup();
    const { id } = await first.hsrcpay.payments.create({ amount: 1, currency: "USD" });
    expect(await rejectionOf(second.hsrcpay.payments.retrieve(id))).toBeInstanceOf(NotFoundError);
    first.mock.reset();
    expect(await rejectionOf(first.hsrcpay.payments.retrieve(id))).toBeInstanceOf(NotFoundError);
    expect((await first.hsrcpay.payments.list()).data).toEqual([]);
  });

  it("a deleted object is gone: 404 after, and out of its list", async () => {
    const { hsrcpay } = setup();
    const account = await hsrcpay.accounts.create({ name: "Acme" } as never);
    expect((await hsrcpay.accounts.list()).data.map((a) => a.id)).toEqual([account.id]);
    await hsrcpay.accounts.delete(account.id);
    expect(await rejectionOf(hsrcpay.accounts.retrieve(account.id))).toBeInstanceOf(NotFoundError);
    expect((await hsrcpay.accounts.list()).data).toEqual([]);
  });

  it("a seeded item joins the state: a charge is completed from the spec, captured_amount included", async () => {
    const { hsrcpay } = setup(
      createHsrcpayMock({ stateful: true }).seed("charges.list", [{ id: "ch_1" }]),
    );
    const charge = await hsrcpay.charges.retrieve("ch_1");
    expect(typeof charge.captured_amount).toBe("number");
    expect((await hsrcpay.charges.list()).data.map((c) => c.captured_amount)).toEqual([
      charge.captured_amount,
    ]);
    // An undefined field is not sent (as in a request's params): the spec's example fills it.
    const filled = setup(
      createHsrcpayMock({ stateful: true }).seed("charges.list", [
        { id: "ch_2", captured_amount: undefined } as never,
      ]),
    );
    expect(typeof (await filled.hsrcpay.charges.retrieve("ch_2")).captured_amount).toBe("number");
    expect(() =>
      createHsrcpayMock({ stateful: true }).seed("charges.list", [
        { captured_amount: "12" } as never,
      ]),
    ).toThrow("captured_amount must be integer");
  });
});

describe("confirm, by the sandbox rules", () => {
  it("a card not on the allowlist is declined; the spec's sandbox card then succeeds", async () => {
    const { mock, hsrcpay } = setup();
    const { id } = await hsrcpay.payments.create({
      amount: 700,
      currency: "USD",
      secure_mode: false,
    });
    const declined = await confirmWith(hsrcpay, id, otherCard);
    expect(declined.payment.status).toBe("REQUIRES_PAYMENT_METHOD");
    expect(declined.confirmResult.latestResult).toEqual({
      kind: "error",
      errCode: "invalid_payment_method",
    });
    const paid = await confirmWith(hsrcpay, id, sandboxCard);
    expect(paid.payment.status).toBe("SUCCEEDED");
    expect(paid.confirmResult.latestResult.kind).toBe("success");
    const payment = await hsrcpay.payments.retrieve(id, { include_charges: true });
    expect(payment.status).toBe("SUCCEEDED");
    expect(
      payment.charges?.map(({ status, amount, captured_amount, attempt_no }) => ({
        status,
        amount,
        captured_amount,
        attempt_no,
      })),
    ).toEqual([
      { status: "DECLINED", amount: 700, captured_amount: 0, attempt_no: 1 },
      { status: "SUCCEEDED", amount: 700, captured_amount: 700, attempt_no: 2 },
    ]);
    const charges = await hsrcpay.charges.list();
    expect(charges.data.map((c) => c.payment_id)).toEqual([id, id]);
    expect((await hsrcpay.charges.retrieve(charges.data[1]?.id ?? "")).status).toBe("SUCCEEDED");
    mock.assertNoViolations();
  });

  it("secure_mode: true asks for 3-D Secure, its URL naming the attempt's charge", async () => {
    const { hsrcpay } = setup();
    const { id } = await hsrcpay.payments.create({ amount: 1, currency: "USD", secure_mode: true });
    const { payment, confirmResult } = await hsrcpay.payments.confirm(id, {
      payment_method: { id: "pm_saved" },
    });
    expect(payment.status).toBe("REQUIRES_ACTION");
    const [charge] = (await hsrcpay.charges.list()).data;
    expect(charge).toMatchObject({ status: "CREATED", payment_method_id: "pm_saved" });
    expect(confirmResult.paymentNextAction?.url).toMatch(
      new RegExp(`^https://sandbox\\.hsrcpay\\.com/3ds/.*/${charge?.id}$`),
    );
  });

  it("auto_capture: false authorizes only", async () => {
    const { hsrcpay } = setup();
    const { id } = await hsrcpay.payments.create({
      amount: 9,
      currency: "USD",
      auto_capture: false,
    });
    expect((await confirmWith(hsrcpay, id, sandboxCard)).payment.status).toBe("AUTHORIZED");
    const [charge] = (await hsrcpay.charges.list()).data;
    expect(charge).toMatchObject({ authorized_amount: 9, captured_amount: 0 });
  });

  it("payment and charges stay consistent whatever the sequence of confirms", async () => {
    const step = fc.constantFrom("sandbox", "other", "saved");
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.array(step, { minLength: 1, maxLength: 6 }),
        async (secure, steps) => {
          const { hsrcpay } = setup();
          const { id } = await hsrcpay.payments.create({
            amount: 50,
            currency: "USD",
            secure_mode: secure,
          });
          let confirms = 0;
          for (const choice of steps) {
            const payment_method =
              choice === "saved"
                ? { id: "pm_1" }
                : { data: choice === "sandbox" ? sandboxCard : otherCard };
            const settled = await hsrcpay.payments.confirm(id, { payment_method }).catch((e) => e);
            if (settled instanceof UnprocessableEntityError) {
              // Only a payment that went through refuses another confirm: the spec's 422.
              expect(settled.message).toContain("cannot be confirmed");
              expect((await hsrcpay.payments.retrieve(id)).status).toBe("SUCCEEDED");
              continue;
            }
            confirms++;
          }
          const payment = await hsrcpay.payments.retrieve(id, { include_charges: true });
          expect(documented).toContain(payment.status);
          expect(payment.charges).toHaveLength(confirms);
          const last = payment.charges?.at(-1);
          const expected = {
            SUCCEEDED: "SUCCEEDED",
            REQUIRES_ACTION: "CREATED",
            REQUIRES_PAYMENT_METHOD: "DECLINED",
          }[payment.status as string];
          expect(last?.status).toBe(expected);
          if (payment.status === "SUCCEEDED") {
            expect(payment.charges?.map((c) => c.status)).not.toContain("CREATED");
          }
        },
      ),
      { numRuns: 30 },
    );
  });

  it("a payment the state does not hold is a 404", async () => {
    const { hsrcpay } = setup();
    expect(await rejectionOf(confirmWith(hsrcpay, "pay_missing", sandboxCard))).toBeInstanceOf(
      NotFoundError,
    );
  });
});

describe("Idempotency-Key", () => {
  it("reused with the same body replays the first answer; with another, the spec's 409", async () => {
    const { hsrcpay } = setup();
    const options = { idempotencyKey: "order-1" };
    const first = await hsrcpay.payments.create({ amount: 5, currency: "USD" }, options);
    const again = await hsrcpay.payments.create({ currency: "USD", amount: 5 }, options);
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.requestId).toBe(first.lastResponse.requestId);
    expect((await hsrcpay.payments.list()).total).toBe(1);
    const conflict = await rejectionOf(
      hsrcpay.payments.create({ amount: 6, currency: "USD" }, options),
    );
    expect(conflict).toBeInstanceOf(ConflictError);
    const spec = responses["POST /payments/"]?.statuses["409"] as { error: { message: string } };
    expect(conflict).toMatchObject({ status: 409, code: 409 });
    expect((conflict as Error).message).toContain(spec.error.message);
  });

  it("reused with the same body but another query (a create's account_id) is the 409 too", async () => {
    const { hsrcpay } = setup();
    const options = { idempotencyKey: "order-2" };
    const params = { amount: 100, currency: "USD" };
    const first = await hsrcpay.payments.create({ ...params, account_id: "acct_A" }, options);
    expect(first.account_id).toBe("acct_A");
    const other = await rejectionOf(
      hsrcpay.payments.create({ ...params, account_id: "acct_B" }, options),
    );
    expect(other).toBeInstanceOf(ConflictError);
  });

  it("a retried confirm after a scripted 503 is confirmed once", async () => {
    const mock = createHsrcpayMock({ stateful: true }).on("payments.confirm", { status: 503 });
    const hsrcpay = createHsrcpayClient({ token, fetch: mock.fetch, maxRetries: 1 });
    const { id } = await hsrcpay.payments.create({ amount: 5, currency: "USD" });
    expect((await confirmWith(hsrcpay, id, sandboxCard)).payment.status).toBe("SUCCEEDED");
    expect((await hsrcpay.charges.list()).total).toBe(1);
    mock.assertDone();
  });
});

describe("scripted outcomes and Prefer answer before the state", () => {
  it("a scripted example is the spec's, whatever the state holds", async () => {
    const { mock, hsrcpay } = setup(
      createHsrcpayMock({ stateful: true }).on("payments.confirm", { example: "declined" }),
    );
    const { id } = await hsrcpay.payments.create({ amount: 5, currency: "USD" });
    const scripted = await confirmWith(hsrcpay, id, sandboxCard);
    expect(scripted.confirmResult.latestResult.kind).toBe("error");
    expect((await hsrcpay.payments.retrieve(id)).status).toBe("CREATED");
    const preferred = hsrcpay.payments.retrieve(id, {}, { headers: { Prefer: "code=404" } });
    expect(await rejectionOf(preferred)).toBeInstanceOf(NotFoundError);
    mock.assertDone();
  });
});

describe("a payment that may not be confirmed", () => {
  it("is the spec's 422 (notConfirmable), not an idempotency conflict", async () => {
    const { hsrcpay } = setup();
    const { id } = await hsrcpay.payments.create({ amount: 5, currency: "USD" });
    await confirmWith(hsrcpay, id, sandboxCard);
    const again = await rejectionOf(confirmWith(hsrcpay, id, sandboxCard));
    expect(again).toBeInstanceOf(UnprocessableEntityError);
    expect((again as Error).message).toContain(
      `Payment ${id} is SUCCEEDED and cannot be confirmed`,
    );
  });
});

describe("seed refuses at once what it could not send", () => {
  const cyclic: Record<string, unknown> = { id: "cus_1", metadata: {} };
  (cyclic.metadata as Record<string, unknown>).self = cyclic;
  const throwing = {
    id: "cus_2",
    metadata: new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error("boom");
        },
      },
    ),
  };
  let deep: Record<string, unknown> = {};
  for (let level = 0; level < 20_000; level++) deep = { nested: deep };
  const cases = [
    ["an item that contains itself", cyclic, /metadata\.self/],
    ["a Proxy whose keys throw", throwing, /boom|metadata/],
    ["metadata nested 20,000 levels deep", { id: "cus_3", metadata: deep }, /deep|levels/],
  ] as const;

  for (const stateful of [false, true]) {
    it.each(cases)(`%s (stateful: ${stateful})`, (_, item, problem) => {
      const mock = createHsrcpayMock({ stateful });
      expect(() => mock.seed("customers.list", [item as never])).toThrow(TypeError);
      expect(() => mock.seed("customers.list", [item as never])).toThrow(problem);
    });

    it(`refuses two items with one id, and keeps its own copy (stateful: ${stateful})`, async () => {
      const mock = createHsrcpayMock({ stateful });
      expect(() => mock.seed("customers.list", [{ id: "cus_1" }, { id: "cus_1" }])).toThrow(
        'repeats the id "cus_1"',
      );
      const item = { id: "cus_9", metadata: { tier: "gold" } };
      mock.seed("customers.list", [item, { name: "no id" }, { name: "none either" }]);
      item.metadata.tier = "changed after seeding";
      const hsrcpay = createHsrcpayClient({ token, fetch: mock.fetch });
      const listed = await hsrcpay.customers.list().toArray({ limit: 10 });
      expect(listed).toHaveLength(3);
      expect(new Set(listed.map((customer) => customer.id)).size).toBe(3);
      expect(listed[0]?.metadata).toEqual({ tier: "gold" });
    });
  }
});

describe("a collection under another's item (a config's fee rows)", () => {
  it("lists the parent's items only, updates with PATCH and deletes by the row's own id", async () => {
    const mock = createHsrcpayMock({ stateful: true }).seed("paymentProviderConfigs.fees.list", [
      { id: "fee_a1", payment_provider_config_id: "ppc_A", fixed_fee: 1 },
      { id: "fee_a2", payment_provider_config_id: "ppc_A", fixed_fee: 2 },
      { id: "fee_b1", payment_provider_config_id: "ppc_B", fixed_fee: 3 },
    ]);
    const { fees } = createHsrcpayClient({ token, fetch: mock.fetch }).paymentProviderConfigs;
    const idsOf = async (config: string) => (await fees.list(config)).data.map((fee) => fee.id);
    expect(await idsOf("ppc_A")).toEqual(["fee_a1", "fee_a2"]);
    expect(await idsOf("ppc_B")).toEqual(["fee_b1"]);
    const updated = await fees.update("ppc_A", "fee_a2", { fixed_fee: 20 });
    expect(updated).toMatchObject({ id: "fee_a2", fixed_fee: 20 });
    expect((await fees.list("ppc_A")).data.map((fee) => fee.fixed_fee)).toEqual([1, 20]);
    expect(await fees.delete("ppc_A", "fee_a1")).toMatchObject({ id: "fee_a1", deleted: true });
    expect(await idsOf("ppc_A")).toEqual(["fee_a2"]);
    expect(await rejectionOf(fees.update("ppc_A", "fee_a1", { fixed_fee: 5 }))).toBeInstanceOf(
      NotFoundError,
    );
  });
});
