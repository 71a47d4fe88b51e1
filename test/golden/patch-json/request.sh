#!/usr/bin/env bash
# Rename a project (JSON spec)
#
# Set these environment variables first:
#   API_USER: Your user
#
# Run (curl 7.76 or later): bash request.sh
set -euo pipefail

# The API's scheme and host: the one line to change to call another server.
BASE_URL='https://api.example.com'

# --user makes curl send "Authorization: Basic" with the Base64 of "username:password", as
# given (UTF-8 in a UTF-8 shell). --fail-with-body exits non-zero on an error status.
curl --silent --show-error --fail-with-body --max-time 10 \
  --request PATCH \
  --user "${API_USER}":'' \
  --header 'Content-Type: application/merge-patch+json' \
  --data-raw '["__proto__",{"a-b":[1,2.5,-3,true,false,null]}]' \
  --write-out '\nHTTP %{http_code}\n' \
  "$BASE_URL"'/v1/items/7'
