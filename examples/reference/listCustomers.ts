import { createHsrcpayClient } from "@hsrcpay/client";

const hsrcpay = createHsrcpayClient({ token: process.env.HSRCPAY_API_KEY });

for await (const customer of hsrcpay.customers.list({ include_payment_methods: true })) {
  console.log(customer.id, customer.email, customer.payment_methods?.length ?? 0);
}
