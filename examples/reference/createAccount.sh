curl "https://api.hsrcpay.com/v1/accounts/?sandbox_mode=true&prod_account_id=acct_1PqR7sT2uV3wX4yZ" \
  --request POST \
  --header "Authorization: Bearer $HSRCPAY_API_KEY" \
  --header "Content-Type: application/json" \
  --header "Idempotency-Key: 3c9a7e21-4b6d-4f80-8a1e-2d5c7b9f0e13" \
  --data '{"name":"Acme Store sandbox","country":"US","currency":"USD","timezone":"Europe/Istanbul"}'
