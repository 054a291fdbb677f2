import { createHsrcpayClient } from "@hsrcpay/client";

const hsrcpay = createHsrcpayClient({ token: process.env.HSRCPAY_API_KEY });

// The token (from create) and the card go in this request only: errors and log lines mask both.
const session = await hsrcpay.checkoutSessions.confirm("cst_9Qw2Er5Ty8Ui1Op4As7Df0Gh3Jk", {
  payment_method: { data: { pan: "4111111111111111", month: "12", year: "30", cvv: "123" } },
  payer: { email: "ayse@example.com" },
  payer_identity: { ip_address: "203.0.113.7", user_agent: "Mozilla/5.0" },
});
// Not proof of payment: the checkout_session.completed webhook and a fresh read are.
console.log(session.id, session.status);
