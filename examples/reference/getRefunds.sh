curl "https://api.hsrcpay.com/v1/refunds/?charge_id=ch_3Kd8Lm2Np5Qr7Tv9" \
  --header "Authorization: Bearer $HSRCPAY_API_KEY"
