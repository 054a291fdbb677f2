import { createHsrcpayClient } from "@hsrcpay/client";

const hsrcpay = createHsrcpayClient({ token: process.env.HSRCPAY_API_KEY });

// A sandbox needs the production account it is linked to; the type refuses one without it.
const sandbox = await hsrcpay.accounts.create({
  sandbox_mode: true,
  prod_account_id: "acct_1PqR7sT2uV3wX4yZ",
  name: "Acme Store sandbox",
  country: "US",
  currency: "USD",
  timezone: "Europe/Istanbul",
});
console.log(sandbox.id, sandbox.prod_account_id, sandbox.lastResponse.status);
