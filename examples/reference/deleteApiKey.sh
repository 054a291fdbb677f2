curl "https://api.hsrcpay.com/v1/api-keys/key_9xT2mQ4rL7vN1bZ8" \
  --request DELETE \
  --header "Authorization: Bearer $HSRCPAY_API_KEY" \
  --header "Idempotency-Key: 0b7e4d1a-5c2f-4e8a-9d3b-6f1c2a7e8b90"
