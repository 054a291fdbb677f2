import { createHsrcpayClient } from "@hsrcpay/client";

const hsrcpay = createHsrcpayClient({ token: process.env.HSRCPAY_API_KEY });

// A partial update: only the fields given are sent; the others keep their values.
const account = await hsrcpay.accounts.update("acct_1PqR7sT2uV3wX4yZ", {
  name: "Acme Store EU",
  timezone: "Europe/Berlin",
});
console.log(account.name, account.timezone);
