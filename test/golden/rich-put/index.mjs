// Update a "widget" — with $HOME, ${x}, #{y}, {0}, %s, `tick` and \u0022
//
// Line one of the description.
// Line two mentions */ and ?> and \u000a, which must stay inside comments.
//
// Run (Node.js 18 or later): node index.mjs

// The API's scheme and host: the one line to change to call another server.
const BASE_URL = "https://api.example.com:8443";

const username = "id\"'\\$`{0}%s";
const password = "se:cr\\u0022et £ 🔑";

// Basic credentials: Base64 of the UTF-8 bytes of "username:password" (btoa would use Latin-1).
const credentials = Buffer.from(username + ":" + password, "utf8").toString("base64");

let response;
try {
  response = await fetch(BASE_URL + "/v1/widgets/%C3%BC-42?q=a%20b%26c%3Dd%2F%C3%A9&tag=red&tag=blue%20%F0%9F%94%91&2=two&flag=true", {
    method: "PUT",
    headers: {
      "Authorization": "Basic " + credentials,
      "Accept": "application/json",
      "X-Request-Note": "quote \" backslash \\ dollar $x percent %s",
      "Content-Type": "application/json",
    },
    body: JSON.stringify({
      name: "Tab\tand newline\n and \"quote\"",
      price: 12.5,
      tags: [
        "$x",
        "${y}",
        "`z`",
      ],
      nested: {
        "0": "zero",
        empty: {},
        list: [],
      },
      none: null,
    }),
    signal: AbortSignal.timeout(10_000),
  });
} catch (error) {
  // fetch rejects only on network, TLS and timeout errors.
  console.error("error:", error.cause?.message ?? error.message);
  process.exit(1);
}

console.log(response.status, response.statusText);
console.log(await response.text());
if (!response.ok) process.exitCode = 1;
