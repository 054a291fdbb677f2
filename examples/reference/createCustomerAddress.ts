import { createHsrcpayClient } from "@hsrcpay/client";

const hsrcpay = createHsrcpayClient({ token: process.env.HSRCPAY_API_KEY });

// The answer is the whole customer, with the new address among its addresses.
const customer = await hsrcpay.customers.addresses.create("cus_2Bc5Df8Gh1Jk4Lm7", {
  type: "BILLING",
  is_default: true,
  country: "TR",
  city: "Istanbul",
  line1: "Buyukdere Cd. 185",
  zip: "34394",
});
console.log(customer.addresses.map((address) => address.id));
