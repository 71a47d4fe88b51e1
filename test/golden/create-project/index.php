<?php
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
// Run (PHP 8 with ext-curl): php index.php

// The API's scheme and host: the one line to change to call another server.
const BASE_URL = 'https://api.agora.io';

function require_env(string $name): string
{
    $value = getenv($name);
    if ($value === false) {
        fwrite(STDERR, "error: set the environment variable $name\n");
        exit(1);
    }
    return $value;
}

$username = require_env('AGORA_CUSTOMER_ID');
$password = require_env('AGORA_CUSTOMER_SECRET');

// Basic credentials: Base64 of "username:password". PHP strings are bytes, and this file is
// UTF-8, so the credentials are UTF-8 too.
$credentials = base64_encode($username . ':' . $password);

$curl = curl_init(BASE_URL . '/dev/v1/project');
curl_setopt_array($curl, [
    CURLOPT_POST => true,
    CURLOPT_HTTPHEADER => [
        'Authorization: Basic ' . $credentials,
        'Accept: application/json',
        'Content-Type: application/json',
    ],
    CURLOPT_POSTFIELDS => json_encode([
        'name' => 'My first project',
        'enable_sign_key' => true,
    ]),
    CURLOPT_RETURNTRANSFER => true,
    CURLOPT_TIMEOUT => 10,
]);

$body = curl_exec($curl);
if ($body === false) {
    // curl_exec fails only on transport errors; an error status still returns the body.
    fwrite(STDERR, 'error: ' . curl_error($curl) . "\n");
    exit(1);
}
$status = curl_getinfo($curl, CURLINFO_RESPONSE_CODE);
echo $status, "\n", $body, "\n";
exit($status >= 200 && $status < 300 ? 0 : 1);
