import { createHsrcpayClient } from "@hsrcpay/client";

const hsrcpay = createHsrcpayClient({ token: process.env.HSRCPAY_API_KEY });

// The config's id, then the fee row's; only the fields given are sent.
const fee = await hsrcpay.paymentProviderConfigs.fees.update(
  "ppc_5Wx8Yz1Ab4Cd7Ef2",
  "fee_6Gh9Jk2Lm5Np8Qr1",
  { volume_fee: 2.5 },
);
console.log(fee.id, fee.volume_fee);
