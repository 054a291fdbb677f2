curl "https://api.hsrcpay.com/v1/customers/?account_id=acct_1PqR7sT2uV3wX4yZ&include_payment_methods=true" \
  --header "Authorization: Bearer $HSRCPAY_API_KEY"
