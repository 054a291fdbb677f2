import { createHsrcpayClient } from "@hsrcpay/client";

const hsrcpay = createHsrcpayClient({ token: process.env.HSRCPAY_API_KEY });

const account = await hsrcpay.accounts.retrieve("acct_1PqR7sT2uV3wX4yZ");
console.log(account.name, account.country, account.currency, account.timezone);
