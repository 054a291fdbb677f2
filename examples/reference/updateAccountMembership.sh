curl "https://api.hsrcpay.com/v1/account-memberships/amem_8Kd3Lf6Mh9Nj2Pq5" \
  --request PUT \
  --header "Authorization: Bearer $HSRCPAY_API_KEY" \
  --header "Content-Type: application/json" \
  --header "Idempotency-Key: 2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d" \
  --data '{"permissions":["account:account:read","account:account:update"]}'
