import { createHsrcpayClient } from "@hsrcpay/client";

const hsrcpay = createHsrcpayClient({ token: process.env.HSRCPAY_API_KEY });

const customer = await hsrcpay.customers.retrieve("cus_2Bc5Df8Gh1Jk4Lm7", {
  include_payment_methods: true,
});
console.log(customer.name, customer.addresses.length, customer.payment_methods?.length ?? 0);
