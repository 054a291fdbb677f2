import { createHsrcpayClient } from "@hsrcpay/client";

const hsrcpay = createHsrcpayClient({ token: process.env.HSRCPAY_API_KEY });

// Paginated or whole (the list may ignore pagination): iterating gives every plan once either way.
for await (const plan of hsrcpay.routingPlans.list({ limit: 50 })) {
  console.log(plan.id, plan.payment_id, plan.current_index, plan.candidates);
}
