#!/usr/bin/env bash
# Update a "widget" — with $HOME, ${x}, #{y}, {0}, %s, `tick` and \u0022
#
# Line one of the description.
# Line two mentions */ and ?> and \u000a, which must stay inside comments.
#
# Run (curl 7.76 or later): bash request.sh
set -euo pipefail

# The API's scheme and host: the one line to change to call another server.
BASE_URL='https://api.example.com:8443'

# --user makes curl send "Authorization: Basic" with the Base64 of "username:password", as
# given (UTF-8 in a UTF-8 shell). --fail-with-body exits non-zero on an error status.
curl --silent --show-error --fail-with-body --max-time 10 \
  --request PUT \
  --user 'id"'\''\$`{0}%s':'se:cr\u0022et £ 🔑' \
  --header 'Accept: application/json' \
  --header 'X-Request-Note: quote " backslash \ dollar $x percent %s' \
  --header 'Content-Type: application/json' \
  --data-raw '{"name":"Tab\tand newline\n and \"quote\"","price":12.5,"tags":["$x","${y}","`z`"],"nested":{"0":"zero","empty":{},"list":[]},"none":null}' \
  --write-out '\nHTTP %{http_code}\n' \
  "$BASE_URL"'/v1/widgets/%C3%BC-42?q=a%20b%26c%3Dd%2F%C3%A9&tag=red&tag=blue%20%F0%9F%94%91&2=two&flag=true'
