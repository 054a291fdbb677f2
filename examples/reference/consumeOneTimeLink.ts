import { createHsrcpayClient } from "@hsrcpay/client";

const hsrcpay = createHsrcpayClient({ token: process.env.HSRCPAY_API_KEY });

// Sent once, never retried and never followed: a link works once.
const consumed = await hsrcpay.oneTimeLinks.consume("otl_8Vb1Nm4Qw7Er0Ty3");
if (consumed.kind === "redirect") console.log("redirects to", consumed.location);
else console.log(consumed.contentType, consumed.text.length);
