curl "https://api.hsrcpay.com/v1/notifications/ntf_4Kl7Zx0Cv3Bn6Mq9/archive" \
  --request POST \
  --header "Authorization: Bearer $HSRCPAY_API_KEY" \
  --header "Idempotency-Key: 3b7e1d9a-6c4f-4a2e-9d8b-5f1c3e7a9b2d"
