import { createHsrcpayClient } from "@hsrcpay/client";

const hsrcpay = createHsrcpayClient({ token: process.env.HSRCPAY_API_KEY });

// Not paginated: one page holds every fee row of the config.
const { data: fees } = await hsrcpay.paymentProviderConfigs.fees.list("ppc_5Wx8Yz1Ab4Cd7Ef2");
for (const fee of fees) console.log(fee.id, fee.volume_fee, fee.fixed_fee, fee.fixed_fee_currency);
