curl "https://api.hsrcpay.com/v1/customers/cus_2Bc5Df8Gh1Jk4Lm7/addresses/" \
  --request POST \
  --header "Authorization: Bearer $HSRCPAY_API_KEY" \
  --header "Content-Type: application/json" \
  --header "Idempotency-Key: 1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b" \
  --data '{"type":"BILLING","is_default":true,"country":"TR","city":"Istanbul","line1":"Buyukdere Cd. 185","zip":"34394"}'
