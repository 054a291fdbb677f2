import { createHsrcpayClient } from "@hsrcpay/client";

const hsrcpay = createHsrcpayClient({ token: process.env.HSRCPAY_API_KEY });

const webhook = await hsrcpay.webhooks.create({
  account_id: "acct_1PqR7sT2uV3wX4yZ",
  endpoint: "https://shop.example/hooks/hsrcpay",
  enabled_events: ["payment.succeeded", "charge.declined"],
});
// webhook.secret signs every delivery: put it in your secret manager, not in a log.
console.log(webhook.id, webhook.lastResponse.status);
