<?php
// Get all projects
//
// Run (PHP 8 with ext-curl): php index.php

// The API's scheme and host: the one line to change to call another server.
const BASE_URL = 'https://api.agora.io';

$username = 'Your customer ID';
$password = 'Your customer secret';

// Basic credentials: Base64 of "username:password". PHP strings are bytes, and this file is
// UTF-8, so the credentials are UTF-8 too.
$credentials = base64_encode($username . ':' . $password);

$curl = curl_init(BASE_URL . '/dev/v2/projects');
curl_setopt_array($curl, [
    CURLOPT_HTTPHEADER => [
        'Authorization: Basic ' . $credentials,
    ],
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
