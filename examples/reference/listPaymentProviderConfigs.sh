curl "https://api.hsrcpay.com/v1/payment-provider-configs/?account_id=acct_1PqR7sT2uV3wX4yZ&page=1&limit=10" \
  --header "Authorization: Bearer $HSRCPAY_API_KEY"
