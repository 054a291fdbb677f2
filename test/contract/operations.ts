// The operations under contract test: one row per operation of the spec, each a valid call through
// the client and what it resolves to when the mock answers with the spec's example. outcomes.test.ts
// runs every declared status of every row; an operation of the spec without a row shows as a todo.
import type { HsrcpayClient, RequestOptions, ResponseMeta } from "../../src/index.js";
import { accountData, membershipData, sandboxParams } from "../helpers/fixtures/accounts.js";
import { card, createParams } from "../helpers/fixtures/payments.js";

const chargeId = "ch_3Kd8Lm2Np5Qr7Tv9";
const customerId = "cus_2Bc5Df8Gh1Jk4Lm7";

import { params } from "../helpers/fixtures.js";

export interface OperationUnderTest {
  operationId: string;
  /** Whether it is a write, which carries an Idempotency-Key. */
  write: boolean;
  /** One call of the operation with valid arguments and the test's per-call options. */
  call(
    hsrcpay: HsrcpayClient,
    options: RequestOptions,
  ): PromiseLike<{ lastResponse: ResponseMeta }>;
  /** What the call resolves to, as JSON, when the answer is the spec's example `envelope`. */
  expected(envelope: Record<string, unknown>): unknown;
}

const keyId = "key_9xT2mQ4rL7vN1bZ8";
const theData = (envelope: Record<string, unknown>) => envelope.data;
/** An unpaginated list resolves to one page holding all of it. */
const onePage = ({ data }: Record<string, unknown>) => {
  const count = (data as unknown[]).length;
  return { data, total: count, limit: count, pages: 1, page: 1 };
};
const deleted = (id: string) => () => ({ id, deleted: true });
const paymentId = "pay_7Hs2Kq9LmP4xR1tV";
/** Create payment's data is the payment, or holds it as `payment`: the client resolves to the payment. */
const thePayment = ({ data }: Record<string, unknown>) => {
  const wrapped = (data as Record<string, unknown>).payment;
  return typeof wrapped === "object" && wrapped !== null ? wrapped : data;
};

export const operationsUnderTest: OperationUnderTest[] = [
  {
    operationId: "createApiKey",
    write: true,
    call: (hsrcpay, options) => hsrcpay.apiKeys.create(params, options),
    expected: theData,
  },
  {
    operationId: "listApiKeys",
    write: false,
    call: (hsrcpay, options) =>
      hsrcpay.apiKeys.list({ account_id: params.account_id, limit: 10 }, options),
    // The page number is the one asked for, whatever the server echoes.
    expected: ({ data, total, limit, pages }) => ({ data, total, limit, pages, page: 1 }),
  },
  {
    operationId: "deleteApiKey",
    write: true,
    call: (hsrcpay, options) => hsrcpay.apiKeys.delete(keyId, options),
    expected: deleted(keyId),
  },
  {
    operationId: "regenerateManagedApiKey",
    write: true,
    call: (hsrcpay, options) => hsrcpay.apiKeys.regenerate(keyId, options),
    expected: theData,
  },
  {
    operationId: "listAccounts",
    write: false,
    call: (hsrcpay, options) => hsrcpay.accounts.list(options),
    expected: onePage,
  },
  {
    operationId: "getAccount",
    write: false,
    call: (hsrcpay, options) => hsrcpay.accounts.retrieve(accountData.id, options),
    expected: theData,
  },
  {
    operationId: "createAccount",
    write: true,
    call: (hsrcpay, options) => hsrcpay.accounts.create(sandboxParams, options),
    expected: theData,
  },
  {
    operationId: "updateAccount",
    write: true,
    call: (hsrcpay, options) =>
      hsrcpay.accounts.update(accountData.id, { name: "Acme Store EU" }, options),
    expected: theData,
  },
  {
    operationId: "deleteAccount",
    write: true,
    call: (hsrcpay, options) => hsrcpay.accounts.delete(accountData.id, options),
    expected: deleted(accountData.id),
  },
  {
    operationId: "listAccountMemberships",
    write: false,
    call: (hsrcpay, options) =>
      hsrcpay.accountMemberships.list({ account_id: accountData.id }, options),
    expected: onePage,
  },
  {
    operationId: "createAccountMembership",
    write: true,
    call: (hsrcpay, options) =>
      hsrcpay.accountMemberships.create(
        { account_id: accountData.id, email: "partner@agency.example", permissions: [] },
        options,
      ),
    expected: theData,
  },
  {
    operationId: "updateAccountMembership",
    write: true,
    call: (hsrcpay, options) =>
      hsrcpay.accountMemberships.update(membershipData.id, { permissions: ["a:b:c"] }, options),
    expected: theData,
  },
  {
    operationId: "listCharges",
    write: false,
    call: (hsrcpay, options) =>
      hsrcpay.charges.list({ account_id: accountData.id, limit: 10 }, options),
    expected: ({ data, total, limit, pages }) => ({ data, total, limit, pages, page: 1 }),
  },
  {
    operationId: "getCharge",
    write: false,
    call: (hsrcpay, options) => hsrcpay.charges.retrieve(chargeId, options),
    expected: theData,
  },
  {
    operationId: "getRefunds",
    write: false,
    call: (hsrcpay, options) => hsrcpay.refunds.list({ charge_id: chargeId }, options),
    expected: onePage,
  },
  {
    operationId: "listCustomers",
    write: false,
    call: (hsrcpay, options) =>
      hsrcpay.customers.list(
        { account_id: accountData.id, include_payment_methods: true },
        options,
      ),
    expected: ({ data, total, limit, pages }) => ({ data, total, limit, pages, page: 1 }),
  },
  {
    operationId: "getCustomer",
    write: false,
    call: (hsrcpay, options) =>
      hsrcpay.customers.retrieve(customerId, { include_payment_methods: true }, options),
    expected: theData,
  },
  {
    operationId: "createCustomerAddress",
    write: true,
    call: (hsrcpay, options) =>
      hsrcpay.customers.addresses.create(customerId, { type: "BILLING", country: "TR" }, options),
    expected: theData,
  },
  {
    operationId: "getWebhooks",
    write: false,
    call: (hsrcpay, options) => hsrcpay.webhooks.list({ account_id: accountData.id }, options),
    expected: onePage,
  },
  {
    operationId: "postWebhooks",
    write: true,
    call: (hsrcpay, options) =>
      hsrcpay.webhooks.create(
        { endpoint: "https://shop.example/hooks", enabled_events: ["payment.succeeded"] },
        options,
      ),
    expected: theData,
  },
  {
    operationId: "createPayment",
    write: true,
    call: (hsrcpay, options) => hsrcpay.payments.create(createParams, options),
    expected: thePayment,
  },
  {
    operationId: "listPayments",
    write: false,
    call: (hsrcpay, options) =>
      hsrcpay.payments.list({ limit: 10, include_charges: true }, options),
    expected: ({ data, total, limit, pages }) => ({ data, total, limit, pages, page: 1 }),
  },
  {
    operationId: "getPayment",
    write: false,
    call: (hsrcpay, options) =>
      hsrcpay.payments.retrieve(paymentId, { include_charges: true }, options),
    expected: theData,
  },
  {
    operationId: "confirmPayment",
    write: true,
    call: (hsrcpay, options) =>
      hsrcpay.payments.confirm(paymentId, { payment_method: { data: card } }, options),
    expected: theData,
  },
];
