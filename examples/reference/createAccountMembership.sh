curl "https://api.hsrcpay.com/v1/account-memberships/?account_id=acct_1PqR7sT2uV3wX4yZ" \
  --request POST \
  --header "Authorization: Bearer $HSRCPAY_API_KEY" \
  --header "Content-Type: application/json" \
  --header "Idempotency-Key: 9b1c2d3e-4f5a-4b6c-8d7e-0f1a2b3c4d5e" \
  --data '{"email":"partner@agency.example","permissions":["account:account:read"]}'
