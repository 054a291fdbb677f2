curl "https://api.hsrcpay.com/v1/notifications/ntf_4Kl7Zx0Cv3Bn6Mq9/unarchive" \
  --request POST \
  --header "Authorization: Bearer $HSRCPAY_API_KEY" \
  --header "Idempotency-Key: 7d2a4f6c-8e1b-4c3d-a5f7-9b0e2c4d6f8a"
