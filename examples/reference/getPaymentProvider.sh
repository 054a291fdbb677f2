curl "https://api.hsrcpay.com/v1/payment-providers/prov_7Kx2Lm9Qp4Rs1Tv6" \
  --header "Authorization: Bearer $HSRCPAY_API_KEY"
