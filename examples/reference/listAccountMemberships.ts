import { createHsrcpayClient } from "@hsrcpay/client";

const hsrcpay = createHsrcpayClient({ token: process.env.HSRCPAY_API_KEY });

for await (const membership of hsrcpay.accountMemberships.list({
  account_id: "acct_1PqR7sT2uV3wX4yZ",
})) {
  console.log(membership.id, membership.user?.email ?? "(invited)", membership.permissions);
}
