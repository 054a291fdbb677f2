curl "https://api.hsrcpay.com/v1/payments/pay_7Hs2Kq9LmP4xR1tV/confirm" \
  --request POST \
  --header "Authorization: Bearer $HSRCPAY_API_KEY" \
  --header "Content-Type: application/json" \
  --header "Idempotency-Key: 7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d" \
  --data '{"payment_method":{"data":{"pan":"4111111111111111","month":"12","year":"30","cvv":"123"}},"payer_identity":{"ip_address":"203.0.113.7","user_agent":"Mozilla/5.0"}}'
