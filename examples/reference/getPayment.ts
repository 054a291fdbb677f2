import { createHsrcpayClient } from "@hsrcpay/client";

const hsrcpay = createHsrcpayClient({ token: process.env.HSRCPAY_API_KEY });

const payment = await hsrcpay.payments.retrieve("pay_7Hs2Kq9LmP4xR1tV", { include_charges: true });
console.log(
  payment.status,
  payment.charges?.map((charge) => charge.status),
);
