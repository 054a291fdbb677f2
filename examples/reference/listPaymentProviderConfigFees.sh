curl "https://api.hsrcpay.com/v1/payment-provider-configs/ppc_5Wx8Yz1Ab4Cd7Ef2/fees" \
  --header "Authorization: Bearer $HSRCPAY_API_KEY"
