import { createHsrcpayClient } from "@hsrcpay/client";

const hsrcpay = createHsrcpayClient({ token: process.env.HSRCPAY_API_KEY });

// A hosted checkout for 125.00 USD: it opens PENDING, with the token its confirm takes.
const session = await hsrcpay.checkoutSessions.create({
  currency: "USD",
  amount_mode: "FIXED",
  fixed_amount: "125.00",
  collect_name: true,
});
// The token is a credential: hand it to the payer's checkout only, never to a log.
console.log(session.id, session.status, session.token !== undefined);
