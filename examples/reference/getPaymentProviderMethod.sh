curl "https://api.hsrcpay.com/v1/payment-provider-methods/ppm_3Dg8Hj2Kl5Mn9Pq4?sandbox_mode=true" \
  --header "Authorization: Bearer $HSRCPAY_API_KEY"
