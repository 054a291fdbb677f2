curl "https://api.hsrcpay.com/v1/accounts/acct_1PqR7sT2uV3wX4yZ" \
  --header "Authorization: Bearer $HSRCPAY_API_KEY"
