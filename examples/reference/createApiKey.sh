# Send a fresh Idempotency-Key per key you create, and the same one again on a retry.
curl "https://api.hsrcpay.com/v1/api-keys/?account_id=acct_1PqR7sT2uV3wX4yZ" \
  --request POST \
  --header "Authorization: Bearer $HSRCPAY_API_KEY" \
  --header "Content-Type: application/json" \
  --header "Idempotency-Key: 5f0c7f2e-2b7a-4c55-9b7e-1f8f2a4d9c31" \
  --data '{"name": "CI deploy", "permissions": {"payments": ["read", "create"]}, "expires_at": "2027-12-31T23:59:59Z"}'
