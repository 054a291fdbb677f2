import { createHsrcpayClient } from "@hsrcpay/client";

const hsrcpay = createHsrcpayClient({ token: process.env.HSRCPAY_API_KEY });

// HSRCPAY does not document the keys of conditions: they are sent as they are.
const rule = await hsrcpay.paymentProviderConfigs.routingRules.create("ppc_5Wx8Yz1Ab4Cd7Ef2", {
  conditions: { currencies: ["TRY"] },
});
console.log(rule.id, rule.payment_provider_config_id);
