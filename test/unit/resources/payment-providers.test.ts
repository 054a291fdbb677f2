// The payment provider catalogue and provider config resources: what goes on the wire and what
// comes back, as a user of these methods would notice it. A fee row takes two path parameters (the
// config's id, then the row's), each its own encoded segment.
import { describe, expect, it } from "vitest";
import {
  HsrcpayInvalidResponseError,
  HsrcpayValidationError,
  NotFoundError,
  PermissionDeniedError,
} from "../../../src/index.js";
import { clientWith } from "../../helpers/client-with.js";
import {
  accountId,
  configId,
  createConfigParams,
  feeId,
  providerId,
  providerMethodId,
} from "../../helpers/fixtures/payment-providers.js";
import { failure, json } from "../../helpers/observed-fetch.js";
import { rejectionOf } from "../../helpers/rejection.js";

const ok = (data: unknown, status = 200, extra: Record<string, unknown> = {}) =>
  json(status, { message: "success", success: true, data, ...extra });
const wire = (c: { method: string; url: URL } | undefined) =>
  c && `${c.method} ${c.url.pathname}${c.url.search}`;

const method = {
  object: "payment_provider_method",
  id: providerMethodId,
  name: "Visa credit",
  category: "CARD",
  type: "CREDIT_CARD",
  network: "VISA",
  installments_supported: true,
  payment_provider_id: providerId,
  txn_mappings: [],
};
const provider = {
  object: "payment_provider",
  id: providerId,
  name: "Sandbox Card Provider",
  identifier: "sandbox_card",
  schemas: {},
  country: null,
  is_global: true,
  methods: [method],
};
const fee = {
  object: "payment_provider_config_fee",
  id: feeId,
  payment_provider_config_id: configId,
  payment_provider_method_id: providerMethodId,
  installment_count: 1,
  volume_fee: 2.5,
  fixed_fee_currency: "TRY",
  fixed_fee: 25,
  created_at: null,
  updated_at: null,
};
const rule = {
  object: "payment_provider_config_routing_rule",
  id: "rule_1",
  payment_provider_config_id: configId,
  conditions: { currencies: ["TRY"] },
  created_at: null,
  updated_at: null,
};
const config = {
  object: "payment_provider_config",
  id: configId,
  account_id: accountId,
  name: "Sandbox cards",
  payment_provider_id: providerId,
  credentials: null,
  merchant_capabilities: null,
  deleted: false,
  created_at: null,
  updated_at: null,
  fees: [fee],
  routing_rules: [rule],
};

describe("paymentProviders", () => {
  it("retrieve: GET with the id as one encoded segment, no Idempotency-Key; the provider", async () => {
    const { hsrcpay, calls } = clientWith(() => ok(provider));
    const found = await hsrcpay.paymentProviders.retrieve("prov/1");
    expect(wire(calls[0])).toBe("GET /v1/payment-providers/prov%2F1");
    expect(calls[0]?.headers.get("idempotency-key")).toBeNull();
    expect(found).toEqual(provider);
    expect(found.lastResponse.status).toBe(200);
  });

  it("update: PUT only the fields given, with an Idempotency-Key; a merchant's 403 is typed", async () => {
    const { hsrcpay, calls } = clientWith((_, index) =>
      index === 0 ? ok(provider) : failure(403, "Only the system actor may update a provider"),
    );
    await hsrcpay.paymentProviders.update(providerId, { is_global: true });
    expect(wire(calls[0])).toBe(`PUT /v1/payment-providers/${providerId}`);
    expect(JSON.parse(calls[0]?.body ?? "")).toEqual({ is_global: true });
    expect(calls[0]?.headers.get("idempotency-key")).toMatch(/^[0-9a-f-]{36}$/);
    const denied = await rejectionOf(hsrcpay.paymentProviders.update(providerId, { name: "X" }));
    expect(denied).toBeInstanceOf(PermissionDeniedError);
  });

  it("update: a field the curl sample does not show is refused naming it, before sending", async () => {
    const { hsrcpay, calls } = clientWith(() => ok(provider));
    const refused = await rejectionOf(
      hsrcpay.paymentProviders.update(providerId, { methods: [] } as never),
    );
    expect(refused).toBeInstanceOf(HsrcpayValidationError);
    expect(refused).toMatchObject({ field: "methods" });
    expect(calls).toHaveLength(0);
  });
});

describe("paymentProviderMethods", () => {
  it("retrieve: sandbox_mode in the query; a non-boolean refused before sending", async () => {
    const { hsrcpay, calls } = clientWith(() => ok(method));
    const found = await hsrcpay.paymentProviderMethods.retrieve(providerMethodId, {
      sandbox_mode: true,
    });
    expect(wire(calls[0])).toBe(
      `GET /v1/payment-provider-methods/${providerMethodId}?sandbox_mode=true`,
    );
    expect(found.network).toBe("VISA");
    await hsrcpay.paymentProviderMethods.retrieve(providerMethodId);
    expect(wire(calls[1])).toBe(`GET /v1/payment-provider-methods/${providerMethodId}`);
    const refused = await rejectionOf(
      hsrcpay.paymentProviderMethods.retrieve(providerMethodId, { sandbox_mode: "yes" } as never),
    );
    expect(refused).toMatchObject({ field: "sandbox_mode" });
    expect(calls).toHaveLength(2);
  });
});

describe("paymentProviderConfigs", () => {
  it("list: account_id, page and limit in the query; pages walked by iterating", async () => {
    const { hsrcpay, calls } = clientWith((_, index) =>
      ok([{ ...config, id: `ppc_${index + 1}` }], 200, {
        total: 2,
        page: index + 1,
        limit: 1,
        pages: 2,
      }),
    );
    const ids: string[] = [];
    for await (const item of hsrcpay.paymentProviderConfigs.list({
      account_id: accountId,
      limit: 1,
    })) {
      ids.push(item.id);
    }
    expect(ids).toEqual(["ppc_1", "ppc_2"]);
    expect(calls.map(wire)).toEqual([
      `GET /v1/payment-provider-configs/?account_id=${accountId}&limit=1&page=1`,
      `GET /v1/payment-provider-configs/?account_id=${accountId}&limit=1&page=2`,
    ]);
  });

  it("create: account_id in the query, the rest as the body; account_id and provider_identifier required", async () => {
    const { hsrcpay, calls } = clientWith(() => ok(config, 201));
    const created = await hsrcpay.paymentProviderConfigs.create(createConfigParams);
    expect(created.lastResponse.status).toBe(201);
    expect(wire(calls[0])).toBe(`POST /v1/payment-provider-configs/?account_id=${accountId}`);
    const { account_id: _, ...body } = createConfigParams;
    expect(JSON.parse(calls[0]?.body ?? "")).toEqual(body);
    expect(calls[0]?.headers.get("idempotency-key")).toMatch(/^[0-9a-f-]{36}$/);
    const { account_id: __, ...noAccount } = createConfigParams;
    expect(
      await rejectionOf(hsrcpay.paymentProviderConfigs.create(noAccount as never)),
    ).toMatchObject({ field: "account_id" });
    expect(
      await rejectionOf(hsrcpay.paymentProviderConfigs.create({ account_id: accountId } as never)),
    ).toMatchObject({ field: "provider_identifier" });
    expect(
      await rejectionOf(
        hsrcpay.paymentProviderConfigs.create({
          ...createConfigParams,
          merchant_capabilities: { allowed_currencies: "*", allowed_countries: "*" } as never,
        }),
      ),
    ).toMatchObject({ field: "merchant_capabilities.allowed_countries" });
    expect(calls).toHaveLength(1);
  });

  it("create: an answer without the config's fees is an invalid response naming the field", async () => {
    const { fees: _, ...withoutFees } = config;
    const { hsrcpay } = clientWith(() => ok(withoutFees));
    const error = await rejectionOf(hsrcpay.paymentProviderConfigs.create(createConfigParams));
    expect(error).toBeInstanceOf(HsrcpayInvalidResponseError);
    expect((error as Error).message).toContain("fees is required");
  });
});

describe("a config's fee rows and routing rules", () => {
  it("fees.list: GET under the config, every row in one page", async () => {
    const { hsrcpay, calls } = clientWith(() => ok([fee, { ...fee, id: "fee_2" }]));
    const page = await hsrcpay.paymentProviderConfigs.fees.list(configId);
    expect(wire(calls[0])).toBe(`GET /v1/payment-provider-configs/${configId}/fees`);
    expect(page.data.map((row) => row.id)).toEqual([feeId, "fee_2"]);
    expect(page).toMatchObject({ total: 2, pages: 1 });
    expect(page.hasNextPage()).toBe(false);
  });

  it("fees.update: PATCH the config's id then the row's, each its own encoded segment", async () => {
    const { hsrcpay, calls } = clientWith(() => ok({ ...fee, volume_fee: 3 }));
    const updated = await hsrcpay.paymentProviderConfigs.fees.update("ppc/1", "fee 1", {
      volume_fee: 3,
    });
    expect(wire(calls[0])).toBe("PATCH /v1/payment-provider-configs/ppc%2F1/fees/fee%201");
    expect(JSON.parse(calls[0]?.body ?? "")).toEqual({ volume_fee: 3 });
    expect(calls[0]?.headers.get("idempotency-key")).toMatch(/^[0-9a-f-]{36}$/);
    expect(updated.volume_fee).toBe(3);
  });

  it("fees.update: a dot-segment or blank fee id, or the fee id among the params, is refused before sending", async () => {
    const { hsrcpay, calls } = clientWith(() => ok(fee));
    const fees = hsrcpay.paymentProviderConfigs.fees;
    expect(await rejectionOf(fees.update(configId, "..", {}))).toMatchObject({ field: "feeId" });
    expect(await rejectionOf(fees.update(configId, " ", {}))).toMatchObject({ field: "feeId" });
    expect(await rejectionOf(fees.update("", feeId, {}))).toMatchObject({ field: "id" });
    expect(
      await rejectionOf(fees.update(configId, feeId, { feeId: "fee_2" } as never)),
    ).toMatchObject({ field: "feeId" });
    expect(
      await rejectionOf(fees.update(configId, feeId, { installment_count: 1.5 })),
    ).toMatchObject({ field: "installment_count" });
    expect(calls).toHaveLength(0);
  });

  it("fees.delete: DELETE the row; resolves to { id: feeId, deleted: true }; a 404 is NotFoundError", async () => {
    const { hsrcpay, calls } = clientWith((_, index) =>
      index === 0 ? ok({ deleted: true }) : failure(404, "Fee row not found"),
    );
    const result = await hsrcpay.paymentProviderConfigs.fees.delete(configId, feeId);
    expect(wire(calls[0])).toBe(`DELETE /v1/payment-provider-configs/${configId}/fees/${feeId}`);
    expect(calls[0]?.body).toBeUndefined();
    expect(calls[0]?.headers.get("idempotency-key")).toMatch(/^[0-9a-f-]{36}$/);
    expect({ ...result }).toEqual({ id: feeId, deleted: true });
    expect(result.lastResponse.status).toBe(200);
    const gone = await rejectionOf(hsrcpay.paymentProviderConfigs.fees.delete(configId, feeId));
    expect(gone).toBeInstanceOf(NotFoundError);
  });

  it("raw: PATCH and DELETE a fee row are typed with both path parameters, each encoded", async () => {
    const { hsrcpay, calls } = clientWith((_, index) =>
      index === 0 ? ok(fee) : ok({ deleted: true }),
    );
    const path = { id: "ppc/1", feeId: "fee 1" };
    const patched = await hsrcpay.raw.PATCH("/payment-provider-configs/{id}/fees/{feeId}", {
      params: { path },
      body: { fixed_fee: 30 },
    });
    expect(patched.data?.data.id).toBe(feeId);
    const removed = await hsrcpay.raw.DELETE("/payment-provider-configs/{id}/fees/{feeId}", {
      params: { path },
    });
    expect(removed.data?.data.deleted).toBe(true);
    expect(calls.map(wire)).toEqual([
      "PATCH /v1/payment-provider-configs/ppc%2F1/fees/fee%201",
      "DELETE /v1/payment-provider-configs/ppc%2F1/fees/fee%201",
    ]);
  });

  it("routingRules.create: POST the conditions under the config; conditions required", async () => {
    const { hsrcpay, calls } = clientWith(() => ok(rule, 201));
    const created = await hsrcpay.paymentProviderConfigs.routingRules.create(configId, {
      conditions: { currencies: ["TRY"] },
    });
    expect(wire(calls[0])).toBe(`POST /v1/payment-provider-configs/${configId}/rules`);
    expect(JSON.parse(calls[0]?.body ?? "")).toEqual({ conditions: { currencies: ["TRY"] } });
    expect(created.conditions).toEqual({ currencies: ["TRY"] });
    const refused = await rejectionOf(
      hsrcpay.paymentProviderConfigs.routingRules.create(configId, {} as never),
    );
    expect(refused).toMatchObject({ field: "conditions" });
    expect(calls).toHaveLength(1);
  });
});
