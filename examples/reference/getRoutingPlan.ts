import { createHsrcpayClient } from "@hsrcpay/client";

const hsrcpay = createHsrcpayClient({ token: process.env.HSRCPAY_API_KEY });

const plan = await hsrcpay.routingPlans.retrieve("rp_6Gh9Jk2Lm5Np8Qr1", {
  include_charges: true,
  include_payment: true,
});
// With their flags, `charges` and `payment` are in the type and checked to be in the answer.
console.log(
  plan.id,
  plan.payment?.status,
  plan.charges.map((charge) => charge.status),
);
