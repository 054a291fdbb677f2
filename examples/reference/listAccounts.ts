import { createHsrcpayClient } from "@hsrcpay/client";

const hsrcpay = createHsrcpayClient({ token: process.env.HSRCPAY_API_KEY });

// Every account the token may act for, production and sandbox, in one list.
const accounts = await hsrcpay.accounts.list();
for (const account of accounts.data) {
  console.log(account.id, account.name, account.prod_account_id ? "sandbox" : "production");
}
