curl "https://api.hsrcpay.com/v1/api-keys/key_4hW8pK2sD6fG0jL3/regenerate" \
  --request POST \
  --header "Authorization: Bearer $HSRCPAY_API_KEY" \
  --header "Idempotency-Key: 9c1e5a7b-3d2f-4b6a-8e0c-2f4d6b8a1c3e"
