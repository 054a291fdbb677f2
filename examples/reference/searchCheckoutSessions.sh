curl "https://api.hsrcpay.com/v1/checkout-sessions/search?q=ayse%40example.com&account_id=acct_1PqR7sT2uV3wX4yZ" \
  --header "Authorization: Bearer $HSRCPAY_API_KEY"
