curl "https://api.hsrcpay.com/v1/payment-provider-configs/?account_id=acct_1PqR7sT2uV3wX4yZ" \
  --request POST \
  --header "Authorization: Bearer $HSRCPAY_API_KEY" \
  --header "Content-Type: application/json" \
  --header "Idempotency-Key: 1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b" \
  --data '{"name":"Sandbox cards","provider_identifier":"sandbox_card","credentials":{"api_key":"sandbox-api-key-4Kf7Hg2Jd9","secret_key":"sandbox-secret-9Lm5Np1Qr8"},"merchant_capabilities":{"allowed_currencies":"*","allowed_payment_methods":"*"}}'
