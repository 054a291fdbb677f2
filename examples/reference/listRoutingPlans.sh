curl "https://api.hsrcpay.com/v1/routing-plans/?account_id=acct_1PqR7sT2uV3wX4yZ&limit=50" \
  --header "Authorization: Bearer $HSRCPAY_API_KEY"
