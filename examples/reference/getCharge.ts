import { createHsrcpayClient } from "@hsrcpay/client";

const hsrcpay = createHsrcpayClient({ token: process.env.HSRCPAY_API_KEY });

const charge = await hsrcpay.charges.retrieve("ch_3Kd8Lm2Np5Qr7Tv9");
console.log(charge.status, charge.authorized_amount, charge.refunded_amount, charge.payment_id);
