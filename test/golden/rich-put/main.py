# Update a "widget" — with $HOME, ${x}, #{y}, {0}, %s, `tick` and \u0022
#
# Line one of the description.
# Line two mentions */ and ?> and \u000a, which must stay inside comments.
#
# Run (Python 3.8 or later, standard library only): python3 main.py
import base64
import json
import sys
import urllib.error
import urllib.request

# The API's scheme and host: the one line to change to call another server.
BASE_URL = "https://api.example.com:8443"

def main() -> int:
    username = "id\"'\\$`{0}%s"
    password = "se:cr\\u0022et £ 🔑"

    # Basic credentials: Base64 of the UTF-8 bytes of "username:password". (b64encode never
    # wraps lines; encodebytes would.)
    credentials = base64.b64encode((username + ":" + password).encode("utf-8")).decode("ascii")

    request = urllib.request.Request(
        BASE_URL + "/v1/widgets/%C3%BC-42?q=a%20b%26c%3Dd%2F%C3%A9&tag=red&tag=blue%20%F0%9F%94%91&2=two&flag=true",
        method="PUT",
        headers={
            "Authorization": "Basic " + credentials,
            "Accept": "application/json",
            "X-Request-Note": "quote \" backslash \\ dollar $x percent %s",
            "Content-Type": "application/json",
        },
        data=json.dumps({
            "name": "Tab\tand newline\n and \"quote\"",
            "price": 12.5,
            "tags": [
                "$x",
                "${y}",
                "`z`",
            ],
            "nested": {
                "0": "zero",
                "empty": {},
                "list": [],
            },
            "none": None,
        }).encode("utf-8"),
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
