// Taking a payment, as `npm start` shows it: create the payment (no money moves), confirm it with a
// card, follow the 3-D Secure branch (send the payer to the URL, then read the payment again: the
// payer coming back proves nothing), and list its charges. Against the Prism mock by default; with
// HSRCPAY_BASE_URL and HSRCPAY_API_KEY against a real server, where it runs only with a sandbox key
// (sk_test_…): a sandbox card is never sent to production.
import { createHsrcpayClient, HsrcpayError } from "../src/index.js";

const hsrcpay = createHsrcpayClient({
  token: process.env.HSRCPAY_API_KEY,
  baseUrl: process.env.HSRCPAY_BASE_URL || undefined, // default: https://api.hsrcpay.com/v1
});
const money = (amount: number, currency: string) => `${(amount / 100).toFixed(2)} ${currency}`;

try {
  if (hsrcpay.credential?.mode !== "sandbox") {
    console.log("Skipped the payment: it sends a sandbox card, so it runs only with a sandbox key");
  } else {
    // 1. Create: the intent to collect 125.00 USD. Amounts are whole numbers in minor units.
    const created = await hsrcpay.payments.create({
      amount: 12500,
      currency: "USD",
      auto_capture: true,
      secure_mode: true, // in the sandbox, true asks for 3-D Secure
      metadata: { order_id: "ord_1042" },
    });
    console.log(`Created payment ${created.id}: ${money(created.amount, created.currency)}`);
    console.log(`  status ${created.status}; no money has moved yet`);

    // 2. Confirm with a card. The card data is in this request's body and nowhere else: errors and
    //    log lines show [redacted] even if a server echoes it. Every retry reuses one Idempotency-Key.
    const { payment, confirmResult, lastResponse } = await hsrcpay.payments.confirm(created.id, {
      payment_method: { data: { pan: "4111111111111111", month: "12", year: "30", cvv: "123" } },
      payer_identity: { ip_address: "203.0.113.7", user_agent: "Mozilla/5.0" },
    });
    console.log(
      `Confirmed: ${confirmResult.latestResult.kind}, payment ${payment.status} (idempotency key ${lastResponse.idempotencyKey})`,
    );

    // 3. The outcome. 3-D Secure: send the payer to the URL; when they come back, read the payment.
    const next = confirmResult.paymentNextAction;
    if (next) {
      console.log(`  3-D Secure: redirect the payer to ${next.url}`);
      console.log("  ...the payer completes the challenge and comes back to your return URL...");
    } else if (confirmResult.latestResult.kind === "error") {
      const code = confirmResult.latestResult.errCode ?? "no code";
      console.log(`  declined (${code}): the payment may be confirmed again with another method`);
    }

    // 4. Read it again: a redirect back or a confirm answer is not proof of payment; the payment
    //    (and, in production, the webhook) is. Its charges are the provider attempts.
    const settled = await hsrcpay.payments.retrieve(created.id, { include_charges: true });
    console.log(`Read again: payment ${settled.id} is ${settled.status}`);
    for (const charge of settled.charges ?? []) {
      const captured = money(charge.captured_amount, charge.currency);
      console.log(
        `  charge ${charge.id} attempt ${charge.attempt_no}: ${charge.status}, captured ${captured}`,
      );
    }
  }
} catch (error) {
  if (!(error instanceof HsrcpayError)) throw error;
  console.error(`The payment stopped: ${error.name}: ${error.message}`);
  process.exitCode = 1;
}
