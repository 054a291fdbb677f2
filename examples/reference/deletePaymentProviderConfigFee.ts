import { createHsrcpayClient } from "@hsrcpay/client";

const hsrcpay = createHsrcpayClient({ token: process.env.HSRCPAY_API_KEY });

const result = await hsrcpay.paymentProviderConfigs.fees.delete(
  "ppc_5Wx8Yz1Ab4Cd7Ef2",
  "fee_6Gh9Jk2Lm5Np8Qr1",
);
console.log(result.deleted, result.lastResponse.status);
