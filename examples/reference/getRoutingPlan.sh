curl "https://api.hsrcpay.com/v1/routing-plans/rp_6Gh9Jk2Lm5Np8Qr1?include_attempts=true&include_charges=true&include_payment=true" \
  --header "Authorization: Bearer $HSRCPAY_API_KEY"
