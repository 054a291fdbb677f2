import { createHsrcpayClient } from "@hsrcpay/client";

const hsrcpay = createHsrcpayClient({ token: process.env.HSRCPAY_API_KEY });

// The card data goes in this body only: the client masks it in every error and log line.
const { payment, confirmResult } = await hsrcpay.payments.confirm("pay_7Hs2Kq9LmP4xR1tV", {
  payment_method: { data: { pan: "4111111111111111", month: "12", year: "30", cvv: "123" } },
  payer_identity: { ip_address: "203.0.113.7", user_agent: "Mozilla/5.0" },
});
if (confirmResult.paymentNextAction) {
  // 3-D Secure: send the payer there, then read the payment again when they come back.
  console.log("redirect to", confirmResult.paymentNextAction.url);
} else {
  console.log(payment.status, confirmResult.latestResult.kind);
}
