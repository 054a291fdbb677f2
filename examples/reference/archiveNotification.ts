import { createHsrcpayClient } from "@hsrcpay/client";

const hsrcpay = createHsrcpayClient({ token: process.env.HSRCPAY_API_KEY });

const notification = await hsrcpay.notifications.archive("ntf_4Kl7Zx0Cv3Bn6Mq9");
console.log(notification.id, notification.archived_at, notification.lastResponse.status);
