curl "https://api.hsrcpay.com/v1/accounts/acct_9ZyX8wV7uT6sR5qP" \
  --request DELETE \
  --header "Authorization: Bearer $HSRCPAY_API_KEY" \
  --header "Idempotency-Key: 5e8f1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b"
