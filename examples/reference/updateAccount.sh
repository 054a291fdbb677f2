curl "https://api.hsrcpay.com/v1/accounts/acct_1PqR7sT2uV3wX4yZ" \
  --request PUT \
  --header "Authorization: Bearer $HSRCPAY_API_KEY" \
  --header "Content-Type: application/json" \
  --header "Idempotency-Key: 7d2e9f40-1a3b-4c5d-8e6f-9a0b1c2d3e4f" \
  --data '{"name":"Acme Store EU","timezone":"Europe/Berlin"}'
