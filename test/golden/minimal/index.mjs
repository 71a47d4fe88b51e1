// Get all projects
//
// Run (Node.js 18 or later): node index.mjs

// The API's scheme and host: the one line to change to call another server.
const BASE_URL = "https://api.agora.io";

const username = "Your customer ID";
const password = "Your customer secret";

// Basic credentials: Base64 of the UTF-8 bytes of "username:password" (btoa would use Latin-1).
const credentials = Buffer.from(username + ":" + password, "utf8").toString("base64");

let response;
try {
  response = await fetch(BASE_URL + "/dev/v2/projects", {
    method: "GET",
    headers: {
      "Authorization": "Basic " + credentials,
    },
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
