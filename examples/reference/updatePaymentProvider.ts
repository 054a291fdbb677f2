import { createHsrcpayClient } from "@hsrcpay/client";

const hsrcpay = createHsrcpayClient({ token: process.env.HSRCPAY_API_KEY });

// System actor only (HSRCPAY): a merchant's key is answered 403. Only the fields given are sent.
const provider = await hsrcpay.paymentProviders.update("prov_7Kx2Lm9Qp4Rs1Tv6", {
  name: "Sandbox Card Provider",
  is_global: true,
});
console.log(provider.name, provider.is_global);
