curl "https://api.hsrcpay.com/v1/payment-provider-configs/ppc_5Wx8Yz1Ab4Cd7Ef2/fees/fee_6Gh9Jk2Lm5Np8Qr1" \
  --request DELETE \
  --header "Authorization: Bearer $HSRCPAY_API_KEY" \
  --header "Idempotency-Key: 1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b"
