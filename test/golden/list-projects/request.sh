#!/usr/bin/env bash
# Get all projects
#
# Retrieves basic information about all the Agora projects of the account, authenticating with
# HTTP Basic authentication over HTTPS (TLS 1.2 or later).
#
# Set these environment variables first:
#   AGORA_CUSTOMER_ID: Your customer ID
#   AGORA_CUSTOMER_SECRET: Your customer secret
#
# Run (curl 7.76 or later): bash request.sh
set -euo pipefail

# The API's scheme and host: the one line to change to call another server.
BASE_URL='https://api.agora.io'

# --user makes curl send "Authorization: Basic" with the Base64 of "username:password", as
# given (UTF-8 in a UTF-8 shell). --fail-with-body exits non-zero on an error status.
curl --silent --show-error --fail-with-body --max-time 10 \
  --user "${AGORA_CUSTOMER_ID}:${AGORA_CUSTOMER_SECRET}" \
  --header 'Accept: application/json' \
  --write-out '\nHTTP %{http_code}\n' \
  "$BASE_URL"'/dev/v2/projects'
