curl "https://api.hsrcpay.com/v1/accounts/" \
  --header "Authorization: Bearer $HSRCPAY_API_KEY"
