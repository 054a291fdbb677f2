import { createHsrcpayClient } from "@hsrcpay/client";

const hsrcpay = createHsrcpayClient({ token: process.env.HSRCPAY_API_KEY });

const provider = await hsrcpay.paymentProviders.retrieve("prov_7Kx2Lm9Qp4Rs1Tv6");
console.log(provider.identifier, provider.methods?.map((method) => method.type) ?? []);
