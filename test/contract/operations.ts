// The operations under contract test: one row per operation of the spec, each a valid call through
// the client, and nothing the spec already says. outcomes.test.ts runs every declared status of
// every row; an operation of the spec without a row shows as a todo.
import { operations as table } from "../../generated/operations.js";
import { responses } from "../../generated/responses.js";
import type { HsrcpayClient, RequestOptions, ResponseMeta } from "../../src/index.js";
import { accountData, membershipData, sandboxParams } from "../helpers/fixtures/accounts.js";
import {
  configId,
  createConfigParams,
  feeId,
  providerId,
  providerMethodId,
} from "../helpers/fixtures/payment-providers.js";
import { card, createParams } from "../helpers/fixtures/payments.js";

import { params } from "../helpers/fixtures.js";

const chargeId = "ch_3Kd8Lm2Np5Qr7Tv9";
const customerId = "cus_2Bc5Df8Gh1Jk4Lm7";
const keyId = "key_9xT2mQ4rL7vN1bZ8";
const paymentId = "pay_7Hs2Kq9LmP4xR1tV";

/**
 * One operation's valid call: all a row states. Whether it is a write, and what it resolves to for
 * the spec's example, come from the generated table (`expectedOf` in outcomes.test.ts).
 */
export interface OperationUnderTest {
  operationId: string;
  /** One call of the operation with valid arguments and the test's per-call options. */
  call(
    hsrcpay: HsrcpayClient,
    options: RequestOptions,
  ): PromiseLike<{ lastResponse: ResponseMeta }>;
  /** For a delete: the id it deletes, which its result names. */
  deletes?: string;
}

/** The generated table's entry of an operation, by its operationId. */
function entryOf(operationId: string): { key: string; kind: string; unwrap?: string } {
  const key = Object.keys(responses).find((name) => responses[name]?.operationId === operationId);
  const entry = key && (table as Record<string, { kind: string; unwrap?: string }>)[key];
  if (!key || !entry) throw new Error(`${operationId} is not in generated/operations.ts`);
  return { key, ...entry };
}

/** The call kind the generated table gives an operation (`object`, `page`, `content`…). */
export const kindOf = (operationId: string): string => entryOf(operationId).kind;

/** Whether the row's operation is a write, which carries an Idempotency-Key. */
export const isWrite = ({ operationId }: OperationUnderTest): boolean =>
  !entryOf(operationId).key.startsWith("GET ");

/** What the row's call resolves to, as JSON, for the spec's example `envelope`: by its kind. */
export function expectedOf(row: OperationUnderTest, envelope: Record<string, unknown>): unknown {
  const { kind, unwrap } = entryOf(row.operationId);
  const { data, total, limit, pages } = envelope;
  if (kind === "page") return { data, total, limit, pages, page: 1 }; // the page asked for
  if (kind === "list") {
    const count = (data as unknown[]).length;
    return { data, total: count, limit: count, pages: 1, page: 1 };
  }
  if (kind === "deleted") return { id: row.deletes, deleted: true };
  // Where the spec lets the data arrive wrapped (`{ payment }`), the client hands back what is inside.
  const inner = unwrap && (data as Record<string, unknown>)[unwrap];
  return typeof inner === "object" && inner !== null ? inner : data;
}

export const operationsUnderTest: OperationUnderTest[] = [
  {
    operationId: "createApiKey",
    call: (hsrcpay, options) => hsrcpay.apiKeys.create(params, options),
  },
  {
    operationId: "listApiKeys",
    call: (hsrcpay, options) =>
      hsrcpay.apiKeys.list({ account_id: params.account_id, limit: 10 }, options),
  },
  {
    operationId: "deleteApiKey",
    call: (hsrcpay, options) => hsrcpay.apiKeys.delete(keyId, options),
    deletes: keyId,
  },
  {
    operationId: "regenerateManagedApiKey",
    call: (hsrcpay, options) => hsrcpay.apiKeys.regenerate(keyId, options),
  },
  {
    operationId: "listAccounts",
    call: (hsrcpay, options) => hsrcpay.accounts.list(options),
  },
  {
    operationId: "getAccount",
    call: (hsrcpay, options) => hsrcpay.accounts.retrieve(accountData.id, options),
  },
  {
    operationId: "createAccount",
    call: (hsrcpay, options) => hsrcpay.accounts.create(sandboxParams, options),
  },
  {
    operationId: "updateAccount",
    call: (hsrcpay, options) =>
      hsrcpay.accounts.update(accountData.id, { name: "Acme Store EU" }, options),
  },
  {
    operationId: "deleteAccount",
    call: (hsrcpay, options) => hsrcpay.accounts.delete(accountData.id, options),
    deletes: accountData.id,
  },
  {
    operationId: "listAccountMemberships",
    call: (hsrcpay, options) =>
      hsrcpay.accountMemberships.list({ account_id: accountData.id }, options),
  },
  {
    operationId: "createAccountMembership",
    call: (hsrcpay, options) =>
      hsrcpay.accountMemberships.create(
        { account_id: accountData.id, email: "partner@agency.example", permissions: [] },
        options,
      ),
  },
  {
    operationId: "updateAccountMembership",
    call: (hsrcpay, options) =>
      hsrcpay.accountMemberships.update(membershipData.id, { permissions: ["a:b:c"] }, options),
  },
  {
    operationId: "listCharges",
    call: (hsrcpay, options) =>
      hsrcpay.charges.list({ account_id: accountData.id, limit: 10 }, options),
  },
  {
    operationId: "getCharge",
    call: (hsrcpay, options) => hsrcpay.charges.retrieve(chargeId, options),
  },
  {
    operationId: "getRefunds",
    call: (hsrcpay, options) => hsrcpay.refunds.list({ charge_id: chargeId }, options),
  },
  {
    operationId: "listCustomers",
    call: (hsrcpay, options) =>
      hsrcpay.customers.list(
        { account_id: accountData.id, include_payment_methods: true },
        options,
      ),
  },
  {
    operationId: "getCustomer",
    call: (hsrcpay, options) =>
      hsrcpay.customers.retrieve(customerId, { include_payment_methods: true }, options),
  },
  {
    operationId: "createCustomerAddress",
    call: (hsrcpay, options) =>
      hsrcpay.customers.addresses.create(customerId, { type: "BILLING", country: "TR" }, options),
  },
  {
    operationId: "getWebhooks",
    call: (hsrcpay, options) => hsrcpay.webhooks.list({ account_id: accountData.id }, options),
  },
  {
    operationId: "postWebhooks",
    call: (hsrcpay, options) =>
      hsrcpay.webhooks.create(
        { endpoint: "https://shop.example/hooks", enabled_events: ["payment.succeeded"] },
        options,
      ),
  },
  {
    operationId: "createPayment",
    call: (hsrcpay, options) => hsrcpay.payments.create(createParams, options),
  },
  {
    operationId: "listPayments",
    call: (hsrcpay, options) =>
      hsrcpay.payments.list({ limit: 10, include_charges: true }, options),
  },
  {
    operationId: "getPayment",
    call: (hsrcpay, options) =>
      hsrcpay.payments.retrieve(paymentId, { include_charges: true }, options),
  },
  {
    operationId: "confirmPayment",
    call: (hsrcpay, options) =>
      hsrcpay.payments.confirm(paymentId, { payment_method: { data: card } }, options),
  },
  {
    operationId: "listCheckoutSessions",
    call: (hsrcpay, options) => hsrcpay.checkoutSessions.list({ limit: 10 }, options),
  },
  {
    operationId: "searchCheckoutSessions",
    call: (hsrcpay, options) =>
      hsrcpay.checkoutSessions.search(
        { q: "ayse@example.com", account_id: "acct_1PqR7sT2uV3wX4yZ" },
        options,
      ),
  },
  {
    operationId: "createCheckoutSession",
    call: (hsrcpay, options) =>
      hsrcpay.checkoutSessions.create({ currency: "USD", fixed_amount: "125.00" }, options),
  },
  {
    operationId: "confirmCheckoutSession",
    call: (hsrcpay, options) =>
      hsrcpay.checkoutSessions.confirm(
        "cst_9Qw2Er5Ty8Ui1Op4As7Df0Gh3Jk",
        { payment_method: { data: card } },
        options,
      ),
  },
  {
    operationId: "getPaymentProvider",
    call: (hsrcpay, options) => hsrcpay.paymentProviders.retrieve(providerId, options),
  },
  {
    operationId: "updatePaymentProvider",
    call: (hsrcpay, options) =>
      hsrcpay.paymentProviders.update(providerId, { is_global: true }, options),
  },
  {
    operationId: "getPaymentProviderMethod",
    call: (hsrcpay, options) =>
      hsrcpay.paymentProviderMethods.retrieve(providerMethodId, { sandbox_mode: true }, options),
  },
  {
    operationId: "listPaymentProviderConfigs",
    call: (hsrcpay, options) =>
      hsrcpay.paymentProviderConfigs.list({ account_id: createConfigParams.account_id }, options),
  },
  {
    operationId: "createPaymentProviderConfig",
    call: (hsrcpay, options) => hsrcpay.paymentProviderConfigs.create(createConfigParams, options),
  },
  {
    operationId: "listPaymentProviderConfigFees",
    call: (hsrcpay, options) => hsrcpay.paymentProviderConfigs.fees.list(configId, options),
  },
  {
    operationId: "updatePaymentProviderConfigFee",
    call: (hsrcpay, options) =>
      hsrcpay.paymentProviderConfigs.fees.update(configId, feeId, { volume_fee: 2.5 }, options),
  },
  {
    operationId: "deletePaymentProviderConfigFee",
    call: (hsrcpay, options) =>
      hsrcpay.paymentProviderConfigs.fees.delete(configId, feeId, options),
    deletes: feeId,
  },
  {
    operationId: "createPaymentProviderConfigRoutingRule",
    call: (hsrcpay, options) =>
      hsrcpay.paymentProviderConfigs.routingRules.create(
        configId,
        { conditions: { currencies: ["TRY"] } },
        options,
      ),
  },
  {
    operationId: "listRoutingPlans",
    call: (hsrcpay, options) => hsrcpay.routingPlans.list({ limit: 10 }, options),
    // The first example carries the pagination numbers (the whole-list one: unit tests).
  },
  {
    operationId: "getRoutingPlan",
    call: (hsrcpay, options) =>
      hsrcpay.routingPlans.retrieve(
        "rp_6Gh9Jk2Lm5Np8Qr1",
        { include_attempts: true, include_charges: true, include_payment: true },
        options,
      ),
  },
  {
    operationId: "listAccountNotifications",
    call: (hsrcpay, options) => hsrcpay.notifications.list({ account_id: accountData.id }, options),
  },
  {
    operationId: "archiveNotification",
    call: (hsrcpay, options) => hsrcpay.notifications.archive("ntf_4Kl7Zx0Cv3Bn6Mq9", options),
  },
  {
    operationId: "unarchiveNotification",
    call: (hsrcpay, options) => hsrcpay.notifications.unarchive("ntf_4Kl7Zx0Cv3Bn6Mq9", options),
  },
];
