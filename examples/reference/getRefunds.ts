import { createHsrcpayClient } from "@hsrcpay/client";

const hsrcpay = createHsrcpayClient({ token: process.env.HSRCPAY_API_KEY });

const refunds = await hsrcpay.refunds.list({ charge_id: "ch_3Kd8Lm2Np5Qr7Tv9" });
for (const refund of refunds.data) console.log(refund.id, refund.status, refund.amount);
