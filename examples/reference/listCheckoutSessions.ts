import { createHsrcpayClient } from "@hsrcpay/client";

const hsrcpay = createHsrcpayClient({ token: process.env.HSRCPAY_API_KEY });

// Every checkout session of every page; amounts are decimal strings here (`"125.00"`).
for await (const session of hsrcpay.checkoutSessions.list({
  account_id: "acct_1PqR7sT2uV3wX4yZ",
  limit: 50,
})) {
  console.log(session.id, session.status, session.final_amount, session.currency);
}
