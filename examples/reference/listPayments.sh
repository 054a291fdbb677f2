curl "https://api.hsrcpay.com/v1/payments/?limit=50&include_charges=true" \
  --header "Authorization: Bearer $HSRCPAY_API_KEY"
