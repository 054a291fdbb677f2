curl "https://api.hsrcpay.com/v1/checkout-sessions/token/cst_9Qw2Er5Ty8Ui1Op4As7Df0Gh3Jk/confirm" \
  --request POST \
  --header "Authorization: Bearer $HSRCPAY_API_KEY" \
  --header "Content-Type: application/json" \
  --header "Idempotency-Key: 5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b" \
  --data '{"payment_method":{"data":{"pan":"4111111111111111","month":"12","year":"30","cvv":"123"}},"payer":{"email":"ayse@example.com"},"payer_identity":{"ip_address":"203.0.113.7","user_agent":"Mozilla/5.0"}}'
