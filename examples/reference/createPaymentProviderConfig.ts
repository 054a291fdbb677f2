import { createHsrcpayClient } from "@hsrcpay/client";

const hsrcpay = createHsrcpayClient({ token: process.env.HSRCPAY_API_KEY });

// The credentials are provider secrets: masked in every error, log line and lastResponse.
const config = await hsrcpay.paymentProviderConfigs.create({
  account_id: "acct_1PqR7sT2uV3wX4yZ",
  name: "Sandbox cards",
  provider_identifier: "sandbox_card",
  credentials: { api_key: "sandbox-api-key-4Kf7Hg2Jd9", secret_key: "sandbox-secret-9Lm5Np1Qr8" },
  merchant_capabilities: { allowed_currencies: "*", allowed_payment_methods: "*" },
});
console.log(config.id, config.payment_provider_id);
