<?php
// Update a "widget" — with $HOME, ${x}, #{y}, {0}, %s, `tick` and \u0022
//
// Line one of the description.
// Line two mentions */ and ? > and \u000a, which must stay inside comments.
//
// Run (PHP 8 with ext-curl): php index.php

// The API's scheme and host: the one line to change to call another server.
const BASE_URL = 'https://api.example.com:8443';

$username = 'id"\'\\$`{0}%s';
$password = 'se:cr\\u0022et £ 🔑';

// Basic credentials: Base64 of "username:password". PHP strings are bytes, and this file is
// UTF-8, so the credentials are UTF-8 too.
$credentials = base64_encode($username . ':' . $password);

$curl = curl_init(BASE_URL . '/v1/widgets/%C3%BC-42?q=a%20b%26c%3Dd%2F%C3%A9&tag=red&tag=blue%20%F0%9F%94%91&2=two&flag=true');
curl_setopt_array($curl, [
    CURLOPT_CUSTOMREQUEST => 'PUT',
    CURLOPT_HTTPHEADER => [
        'Authorization: Basic ' . $credentials,
        'Accept: application/json',
        'X-Request-Note: quote " backslash \\ dollar $x percent %s',
        'Content-Type: application/json',
    ],
    CURLOPT_POSTFIELDS => json_encode([
        'name' => "Tab\tand newline\n and \"quote\"",
        'price' => 12.5,
        'tags' => [
            '$x',
            '${y}',
            '`z`',
        ],
        'nested' => (object) [
            '0' => 'zero',
            'empty' => (object) [],
            'list' => [],
        ],
        'none' => null,
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
