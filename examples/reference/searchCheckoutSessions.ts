import { createHsrcpayClient } from "@hsrcpay/client";

const hsrcpay = createHsrcpayClient({ token: process.env.HSRCPAY_API_KEY });

// One list, all of it (no pagination is documented); what `q` matches is not documented.
const found = await hsrcpay.checkoutSessions.search({
  q: "ayse@example.com",
  account_id: "acct_1PqR7sT2uV3wX4yZ",
});
for (const session of found.data) console.log(session.id, session.status, session.payer_email);
