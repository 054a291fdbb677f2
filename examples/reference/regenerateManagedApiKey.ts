import { createHsrcpayClient, UnprocessableEntityError } from "@hsrcpay/client";

const hsrcpay = createHsrcpayClient({ token: process.env.HSRCPAY_API_KEY });

try {
  // The old secret stops working; the new one is in this response only.
  const rotated = await hsrcpay.apiKeys.regenerate("key_4hW8pK2sD6fG0jL3");
  console.log(rotated.id, rotated.managed, rotated.lastResponse.status);
} catch (error) {
  // A custom key cannot be regenerated: create a new key, then delete the old one.
  if (!(error instanceof UnprocessableEntityError)) throw error;
  console.log("not a managed key:", error.message);
}
