curl "https://api.hsrcpay.com/v1/checkout-sessions/?account_id=acct_1PqR7sT2uV3wX4yZ&page=1&limit=50" \
  --header "Authorization: Bearer $HSRCPAY_API_KEY"
