curl "https://api.hsrcpay.com/v1/payment-providers/prov_7Kx2Lm9Qp4Rs1Tv6" \
  --request PUT \
  --header "Authorization: Bearer $HSRCPAY_API_KEY" \
  --header "Content-Type: application/json" \
  --header "Idempotency-Key: 1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b" \
  --data '{"name":"Sandbox Card Provider","is_global":true}'
