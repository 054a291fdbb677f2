# Prints the page or text; without --location, a redirect is shown, not followed.
curl "https://api.hsrcpay.com/v1/one-time-links/otl_8Vb1Nm4Qw7Er0Ty3" \
  --header "Authorization: Bearer $HSRCPAY_API_KEY" \
  --header "Accept: text/html, text/plain"
