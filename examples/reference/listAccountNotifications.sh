curl "https://api.hsrcpay.com/v1/notifications/account?account_id=acct_1PqR7sT2uV3wX4yZ" \
  --header "Authorization: Bearer $HSRCPAY_API_KEY"
