// The one lifecycle the stateful mock writes by hand: confirm, which moves a payment through the
// statuses the spec documents and leaves a charge behind. The outcome is HSRCPAY's sandbox rule
// (its sandbox-cards and 3DS guides): a card not on the sandbox allowlist is declined with
// `invalid_payment_method` (the payment stays REQUIRES_PAYMENT_METHOD, the charge is DECLINED);
// otherwise the payment's `secure_mode: true` asks for 3-D Secure (REQUIRES_ACTION, the charge
// CREATED until the payer is back), and anything else succeeds (SUCCEEDED, or AUTHORIZED with
// `auto_capture: false`). Where HSRCPAY's pages are silent, the README says what was chosen: the
// allowlist is the spec's own sandbox card (the confirm request's example), a saved method is
// taken as a sandbox card, and a charge that went through carries its payment's status word.

import type { Answered, MockCall } from "./call.js";
import { type Collection, collections, type Item, isItem } from "./collections.js";
import { errorEnvelope } from "./http.js";
import type { Route } from "./routes.js";

export interface LifecycleContext {
  route: Route;
  call: MockCall;
  /** The item the route acts on, in the state (changed in place). */
  item: Item;
  /** What the item's create was asked beyond its fields (`secure_mode`, `auto_capture`). */
  asked: Item;
  store: (collection: Collection) => Map<string, Item>;
  view: (collection: Collection, item: Item, query: Record<string, string>) => Item;
  mint: (prefix: string) => string;
}

/** The statuses a confirm may start from (the spec's confirmPayment description). */
const confirmable = ["CREATED", "REQUIRES_PAYMENT_METHOD", "REQUIRES_ACTION"];

/** The cards of the sandbox allowlist: those of the operation's request examples. */
const allowlistOf = (route: Route): Item[] =>
  Object.values(route.requests)
    .map((example) =>
      isItem(example) && isItem(example.payment_method) ? example.payment_method : {},
    )
    .map((method) => method.data)
    .filter(isItem);

/**
 * Whether a card is on the allowlist as the sandbox guide matches: the PAN, the two-digit month,
 * the year's last two digits, and the security code exactly when one is sent.
 */
function allowed(card: Item, allowlist: readonly Item[]): boolean {
  const code = card.cvv ?? card.cvc;
  return allowlist.some(
    (listed) =>
      listed.pan === card.pan &&
      listed.month === card.month &&
      String(listed.year).slice(-2) === String(card.year).slice(-2) &&
      (code === undefined || code === (listed.cvv ?? listed.cvc)),
  );
}

function confirm(context: LifecycleContext): Answered {
  const { route, call, item: payment, asked, store, view, mint } = context;
  const payments = [...collections.values()].find((c) => route.path.startsWith(`${c.itemPath}/`));
  const charges = [...collections.values()].find(
    (c) => c.itemPath !== undefined && Object.hasOwn(c.template, `${payments?.noun}_id`),
  );
  if (!payments || !charges) throw new Error(`${route.key}: the spec has no payments or charges`);
  const status = String(payment.status);
  if (!confirmable.includes(status)) {
    // The spec's 422 (`notConfirmable`): the payment is not in a state a confirm applies to.
    const message = `Payment ${payment.id} is ${status} and cannot be confirmed`;
    return { status: 422, body: errorEnvelope(422, message, { id: payment.id, status }) };
  }
  const method =
    isItem(call.body) && isItem(call.body.payment_method) ? call.body.payment_method : {};
  const card = isItem(method.data) ? method.data : undefined;
  const kind =
    card && !allowed(card, allowlistOf(route))
      ? "error"
      : asked.secure_mode === true
        ? "requires_action"
        : "success";
  const capture = asked.auto_capture !== false;
  const paid = kind === "success";
  const paymentStatus =
    kind === "error"
      ? "REQUIRES_PAYMENT_METHOD"
      : kind === "requires_action"
        ? "REQUIRES_ACTION"
        : capture
          ? "SUCCEEDED"
          : "AUTHORIZED";

  // The charge: the spec's example charge, made this attempt's.
  const now = new Date().toISOString();
  const charge = structuredClone(charges.template);
  const attempts = [...store(charges).values()].filter((c) => c.payment_id === payment.id);
  const fields: Item = {
    id: mint(charges.prefix),
    [`${payments.noun}_id`]: payment.id,
    payment_method_id: typeof method.id === "string" ? method.id : null,
    customer_id: payment.customer_id,
    account_id: payment.account_id,
    status: kind === "error" ? "DECLINED" : kind === "requires_action" ? "CREATED" : paymentStatus,
    amount: payment.amount,
    authorized_amount: paid ? payment.amount : 0,
    captured_amount: paid && capture ? payment.amount : 0,
    refunded_amount: 0,
    currency: payment.currency,
    metadata: structuredClone(payment.metadata),
    attempt_no: attempts.length + 1,
    created_at: now,
    updated_at: now,
  };
  for (const [field, value] of Object.entries(fields)) {
    if (Object.hasOwn(charge, field)) charge[field] = value;
  }
  if (isItem(charge.security)) charge.security.three_d_secure = asked.secure_mode === true;
  store(charges).set(charge.id as string, charge);

  // The answer: the spec's example of this outcome, with this payment and this attempt.
  const example = Object.values(route.examples["200"] ?? {}).find(
    (candidate) =>
      isItem(candidate) &&
      isItem(candidate.data) &&
      isItem(candidate.data.confirmResult) &&
      isItem(candidate.data.confirmResult.latestResult) &&
      candidate.data.confirmResult.latestResult.kind === kind,
  );
  if (!example) throw new Error(`${route.key}: the spec has no 200 example of kind ${kind}`);
  const body = structuredClone(example) as { data: Item };
  const result = body.data.confirmResult as Item & { latestResult: Item };
  const examplePayment = isItem(body.data.payment) ? body.data.payment : {};
  Object.assign(payment, {
    status: paymentStatus,
    updated_at: now,
    routing_origin: examplePayment.routing_origin ?? payment.routing_origin,
  });
  if (kind === "error") result.latestResult.errCode = "invalid_payment_method";
  if (isItem(result.paymentNextAction) && typeof result.paymentNextAction.url === "string") {
    result.paymentNextAction.url = result.paymentNextAction.url.replace(
      /[^/]+$/,
      String(charge.id),
    );
  }
  body.data.payment = view(payments, payment, {});
  return { status: 200, body };
}

/** The lifecycles written by hand, by `METHOD /path`: the one small per-operation table. */
export const lifecycles: Readonly<Record<string, (context: LifecycleContext) => Answered>> = {
  "POST /payments/{id}/confirm": confirm,
};
