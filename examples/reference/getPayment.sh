curl "https://api.hsrcpay.com/v1/payments/pay_7Hs2Kq9LmP4xR1tV?include_charges=true" \
  --header "Authorization: Bearer $HSRCPAY_API_KEY"
