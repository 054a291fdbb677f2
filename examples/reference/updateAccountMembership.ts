import { createHsrcpayClient } from "@hsrcpay/client";

const hsrcpay = createHsrcpayClient({ token: process.env.HSRCPAY_API_KEY });

const membership = await hsrcpay.accountMemberships.update("amem_8Kd3Lf6Mh9Nj2Pq5", {
  permissions: ["account:account:read", "account:account:update"],
});
console.log(membership.id, membership.permissions);
