import { createHsrcpayClient } from "@hsrcpay/client";

const hsrcpay = createHsrcpayClient({ token: process.env.HSRCPAY_API_KEY });

// Every payment of the account, page after page, each with its charges embedded.
for await (const payment of hsrcpay.payments.list({ limit: 50, include_charges: true })) {
  console.log(payment.id, payment.status, payment.amount, payment.currency);
}
