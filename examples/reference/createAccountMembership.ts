import { createHsrcpayClient } from "@hsrcpay/client";

const hsrcpay = createHsrcpayClient({ token: process.env.HSRCPAY_API_KEY });

// Exactly one of workspace_membership_id (an internal member) or email (an invitation).
const membership = await hsrcpay.accountMemberships.create({
  account_id: "acct_1PqR7sT2uV3wX4yZ",
  email: "partner@agency.example",
  permissions: ["account:account:read"],
});
console.log(membership.id, membership.permissions, membership.lastResponse.status);
