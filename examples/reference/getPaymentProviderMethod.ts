import { createHsrcpayClient } from "@hsrcpay/client";

const hsrcpay = createHsrcpayClient({ token: process.env.HSRCPAY_API_KEY });

const method = await hsrcpay.paymentProviderMethods.retrieve("ppm_3Dg8Hj2Kl5Mn9Pq4", {
  sandbox_mode: true,
});
console.log(method.network, method.type, method.installments_supported);
