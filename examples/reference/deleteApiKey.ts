import { createHsrcpayClient } from "@hsrcpay/client";

const hsrcpay = createHsrcpayClient({ token: process.env.HSRCPAY_API_KEY });

// Resolves also when a retry finds the key already gone (the first attempt deleted it).
const deleted = await hsrcpay.apiKeys.delete("key_9xT2mQ4rL7vN1bZ8");
console.log(deleted.id, deleted.deleted, deleted.lastResponse.status);
