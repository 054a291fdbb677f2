import { createHsrcpayClient } from "@hsrcpay/client";

const hsrcpay = createHsrcpayClient({ token: process.env.HSRCPAY_API_KEY });

const webhooks = await hsrcpay.webhooks.list({ account_id: "acct_1PqR7sT2uV3wX4yZ" });
// Each endpoint's secret is in the data; print where it goes, never the secret.
for (const webhook of webhooks.data)
  console.log(webhook.id, webhook.endpoint, webhook.enabled_events);
