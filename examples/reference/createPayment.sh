curl "https://api.hsrcpay.com/v1/payments/" \
  --request POST \
  --header "Authorization: Bearer $HSRCPAY_API_KEY" \
  --header "Content-Type: application/json" \
  --header "Idempotency-Key: 2b3c4d5e-6f70-4a81-9b2c-3d4e5f607182" \
  --data '{"amount":12500,"currency":"USD","auto_capture":true,"secure_mode":true,"metadata":{"order_id":"ord_1042"}}'
