curl "https://api.hsrcpay.com/v1/webhooks/?account_id=acct_1PqR7sT2uV3wX4yZ" \
  --request POST \
  --header "Authorization: Bearer $HSRCPAY_API_KEY" \
  --header "Content-Type: application/json" \
  --header "Idempotency-Key: 6c7d8e9f-0a1b-4c2d-8e3f-4a5b6c7d8e9f" \
  --data '{"endpoint":"https://shop.example/hooks/hsrcpay","enabled_events":["payment.succeeded","charge.declined"]}'
