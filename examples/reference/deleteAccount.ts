import { createHsrcpayClient } from "@hsrcpay/client";

const hsrcpay = createHsrcpayClient({ token: process.env.HSRCPAY_API_KEY });

// Resolves also when a retry finds the account already gone (the first attempt deleted it).
const deleted = await hsrcpay.accounts.delete("acct_9ZyX8wV7uT6sR5qP");
console.log(deleted.id, deleted.deleted, deleted.lastResponse.status);
