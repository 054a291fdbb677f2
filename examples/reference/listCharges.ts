import { createHsrcpayClient } from "@hsrcpay/client";

const hsrcpay = createHsrcpayClient({ token: process.env.HSRCPAY_API_KEY });

// Every charge of every page; amounts are integers in minor units.
for await (const charge of hsrcpay.charges.list({
  account_id: "acct_1PqR7sT2uV3wX4yZ",
  limit: 50,
})) {
  console.log(charge.id, charge.status, charge.captured_amount, charge.currency);
}
