#!/usr/bin/env bash
# Delete a project
#
# Set these environment variables first:
#   API_SECRET: Your secret
#
# Run (curl 7.76 or later): bash request.sh
set -euo pipefail

# The API's scheme and host: the one line to change to call another server.
BASE_URL='https://api.agora.io'

# --user makes curl send "Authorization: Basic" with the Base64 of "username:password", as
# given (UTF-8 in a UTF-8 shell). --fail-with-body exits non-zero on an error status.
curl --silent --show-error --fail-with-body --max-time 10 \
  --request DELETE \
  --user 'inline-user':"${API_SECRET}" \
  --write-out '\nHTTP %{http_code}\n' \
  "$BASE_URL"'/dev/v1/project/abc'
