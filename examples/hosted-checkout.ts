// A hosted checkout, as `npm start` shows it: the merchant opens a checkout session (PENDING, with a
// token), the payer's side confirms it with a card, and the order waits for proof (the webhook and a
// fresh read), not for the confirm's answer. The token is a credential sent in the confirm's path,
// the card in its body: the client's log line names the path with the token [redacted]. Against the
// Prism mock by default; with HSRCPAY_BASE_URL and HSRCPAY_API_KEY against a real server, where it
// runs only with a sandbox key (sk_test_…): a sandbox card is never sent to production.
import { createHsrcpayClient, HsrcpayError } from "../src/index.js";

const hsrcpay = createHsrcpayClient({
  token: process.env.HSRCPAY_API_KEY,
  baseUrl: process.env.HSRCPAY_BASE_URL || undefined, // default: https://api.hsrcpay.com/v1
});
/** Enough of a secret to tell it apart, never all of it. */
const masked = (secret: string) => `${secret.slice(0, 8)}…${secret.slice(-4)}`;

try {
  if (hsrcpay.credential?.mode !== "sandbox") {
    console.log(
      "Skipped the checkout: it sends a sandbox card, so it runs only with a sandbox key",
    );
  } else {
    // 1. The merchant opens the session: 125.00 USD (a decimal string here), asking for a name.
    const session = await hsrcpay.checkoutSessions.create({
      currency: "USD",
      amount_mode: "FIXED",
      fixed_amount: "125.00",
      collect_name: true,
      after_completion_type: "HOSTED_PAGE",
      after_completion_message: "Thank you for your order.",
    });
    console.log(
      `Opened checkout session ${session.id}: ${session.fixed_amount} ${session.currency}, ${session.status}`,
    );
    const { token } = session;
    if (token === undefined) throw new HsrcpayError("The session came back without its token");
    console.log(`  token ${masked(token)} (a credential: for the payer's checkout only)`);

    // 2. The payer's side confirms it with a card. A client that logs at info shows the call:
    //    its path has the token [redacted], and the card appears nowhere but in the request body.
    const logged = hsrcpay.withOptions({
      logLevel: "info",
      logger: {
        debug: () => {},
        info: (line: string) => console.log(`  log: ${line}`),
        warn: console.warn,
        error: console.error,
      },
    });
    const pan = "4111111111111111";
    const paid = await logged.checkoutSessions.confirm(token, {
      payment_method: { data: { name: "AYSE YILMAZ", pan, month: "12", year: "30", cvv: "123" } },
      payer: { email: "ayse@example.com", shipping_same_as_billing: true },
      payer_identity: { ip_address: "203.0.113.7", user_agent: "Mozilla/5.0" },
    });
    console.log(
      `Confirmed with card •••• ${pan.slice(-4)}: session ${paid.id} is ${paid.status}, ${paid.final_amount} ${paid.currency}`,
    );

    // 3. A confirm's answer, like the payer's redirect back, proves nothing: fulfil the order on
    //    the checkout_session.completed webhook, then read the payment.
    console.log("  fulfil on the checkout_session.completed webhook, not on this answer");
  }
} catch (error) {
  if (!(error instanceof HsrcpayError)) throw error;
  console.error(`The checkout stopped: ${error.name}: ${error.message}`);
  process.exitCode = 1;
}
