# Get all projects
#
# Run (Python 3.8 or later, standard library only): python3 main.py
import base64
import sys
import urllib.error
import urllib.request

# The API's scheme and host: the one line to change to call another server.
BASE_URL = "https://api.agora.io"

def main() -> int:
    username = "Your customer ID"
    password = "Your customer secret"

    # Basic credentials: Base64 of the UTF-8 bytes of "username:password". (b64encode never
    # wraps lines; encodebytes would.)
    credentials = base64.b64encode((username + ":" + password).encode("utf-8")).decode("ascii")

    request = urllib.request.Request(
        BASE_URL + "/dev/v2/projects",
        method="GET",
        headers={
            "Authorization": "Basic " + credentials,
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            print(response.status, response.reason)
            print(response.read().decode("utf-8", "replace"))
            return 0 if 200 <= response.status < 300 else 1
    except urllib.error.HTTPError as error:
        # urlopen raises for 4xx and 5xx; the response body often says why.
        print(error.code, error.reason)
        print(error.read().decode("utf-8", "replace"))
        return 1
    except urllib.error.URLError as error:
        print(f"error: {error.reason}", file=sys.stderr)
        return 1

if __name__ == "__main__":
    sys.exit(main())
