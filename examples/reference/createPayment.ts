import { createHsrcpayClient } from "@hsrcpay/client";

const hsrcpay = createHsrcpayClient({ token: process.env.HSRCPAY_API_KEY });

// 125.00 USD: amounts are whole numbers in minor units.
const payment = await hsrcpay.payments.create({
  amount: 12500,
  currency: "USD",
  auto_capture: true,
  secure_mode: true,
  metadata: { order_id: "ord_1042" },
});
console.log(payment.id, payment.status, payment.lastResponse.idempotencyKey);
