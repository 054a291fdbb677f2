curl "https://api.hsrcpay.com/v1/charges/ch_3Kd8Lm2Np5Qr7Tv9" \
  --header "Authorization: Bearer $HSRCPAY_API_KEY"
