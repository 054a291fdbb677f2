curl "https://api.hsrcpay.com/v1/payment-provider-configs/ppc_5Wx8Yz1Ab4Cd7Ef2/rules" \
  --request POST \
  --header "Authorization: Bearer $HSRCPAY_API_KEY" \
  --header "Content-Type: application/json" \
  --header "Idempotency-Key: 1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b" \
  --data '{"conditions":{"currencies":["TRY"]}}'
