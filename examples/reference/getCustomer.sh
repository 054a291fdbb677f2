curl "https://api.hsrcpay.com/v1/customers/cus_2Bc5Df8Gh1Jk4Lm7?include_payment_methods=true" \
  --header "Authorization: Bearer $HSRCPAY_API_KEY"
