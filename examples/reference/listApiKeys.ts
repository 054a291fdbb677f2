import { createHsrcpayClient } from "@hsrcpay/client";

const hsrcpay = createHsrcpayClient({ token: process.env.HSRCPAY_API_KEY });

// Awaited, list() gives one page; iterated, every key of every page, fetched as needed.
const page = await hsrcpay.apiKeys.list({ account_id: "acct_1PqR7sT2uV3wX4yZ", limit: 50 });
console.log(`${page.total} keys on ${page.pages} pages`);

for await (const apiKey of hsrcpay.apiKeys.list({ account_id: "acct_1PqR7sT2uV3wX4yZ" })) {
  console.log(apiKey.id, apiKey.name, apiKey.managed ? "managed" : "custom");
}
