import { createHsrcpayClient } from "@hsrcpay/client";

const hsrcpay = createHsrcpayClient({ token: process.env.HSRCPAY_API_KEY });

// Not paginated: the one page holds every notification of the account.
const notifications = await hsrcpay.notifications.list({ account_id: "acct_1PqR7sT2uV3wX4yZ" });
for (const notification of notifications.data)
  console.log(notification.id, notification.type, notification.archived_at ?? "not archived");
