curl "https://api.hsrcpay.com/v1/checkout-sessions/" \
  --request POST \
  --header "Authorization: Bearer $HSRCPAY_API_KEY" \
  --header "Content-Type: application/json" \
  --header "Idempotency-Key: 3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f" \
  --data '{"currency":"USD","amount_mode":"FIXED","fixed_amount":"125.00","collect_name":true}'
