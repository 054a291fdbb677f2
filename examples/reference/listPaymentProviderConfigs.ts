import { createHsrcpayClient } from "@hsrcpay/client";

const hsrcpay = createHsrcpayClient({ token: process.env.HSRCPAY_API_KEY });

// Every config of the account, page after page; credentials are masked in anything but the data.
for await (const config of hsrcpay.paymentProviderConfigs.list({
  account_id: "acct_1PqR7sT2uV3wX4yZ",
})) {
  console.log(config.name, config.fees.length, config.routing_rules.length);
}
