// Rename a project (JSON spec)
//
// Set these environment variables first:
//   API_USER: Your user
//
// Run (Node.js 18 or later): node index.mjs

// The API's scheme and host: the one line to change to call another server.
const BASE_URL = "https://api.example.com";

function requireEnv(name) {
  const value = process.env[name];
  if (value === undefined) {
    console.error(`error: set the environment variable ${name}`);
    process.exit(1);
  }
  return value;
}

const username = requireEnv("API_USER");
const password = "";

// Basic credentials: Base64 of the UTF-8 bytes of "username:password" (btoa would use Latin-1).
const credentials = Buffer.from(username + ":" + password, "utf8").toString("base64");

let response;
try {
  response = await fetch(BASE_URL + "/v1/items/7", {
    method: "PATCH",
    headers: {
      "Authorization": "Basic " + credentials,
      "Content-Type": "application/merge-patch+json",
    },
    body: JSON.stringify([
      "__proto__",
      {
        "a-b": [
          1,
          2.5,
          -3,
          true,
          false,
          null,
        ],
      },
    ]),
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
