// Create a project
//
// Creates an Agora project with the primary app certificate enabled. The API answers 201
// Created on success; any other status is a failure, explained in the "message" field of the
// response.
//
// Set these environment variables first:
//   AGORA_CUSTOMER_ID: Your customer ID
//   AGORA_CUSTOMER_SECRET: Your customer secret
//
// Run (Node.js 18 or later): node index.mjs

// The API's scheme and host: the one line to change to call another server.
const BASE_URL = "https://api.agora.io";

function requireEnv(name) {
  const value = process.env[name];
  if (value === undefined) {
    console.error(`error: set the environment variable ${name}`);
    process.exit(1);
  }
  return value;
}

const username = requireEnv("AGORA_CUSTOMER_ID");
const password = requireEnv("AGORA_CUSTOMER_SECRET");

// Basic credentials: Base64 of the UTF-8 bytes of "username:password" (btoa would use Latin-1).
const credentials = Buffer.from(username + ":" + password, "utf8").toString("base64");

let response;
try {
  response = await fetch(BASE_URL + "/dev/v1/project", {
    method: "POST",
    headers: {
      "Authorization": "Basic " + credentials,
      "Accept": "application/json",
      "Content-Type": "application/json",
    },
    body: JSON.stringify({
      name: "My first project",
      enable_sign_key: true,
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
