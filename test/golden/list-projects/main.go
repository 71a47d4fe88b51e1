// Get all projects
//
// Retrieves basic information about all the Agora projects of the account, authenticating with
// HTTP Basic authentication over HTTPS (TLS 1.2 or later).
//
// Set these environment variables first:
//   AGORA_CUSTOMER_ID: Your customer ID
//   AGORA_CUSTOMER_SECRET: Your customer secret
//
// Run: go run main.go
package main

import (
	"encoding/base64"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"
)

// baseURL is the API's scheme and host: the one line to change to call another server.
const baseURL = "https://api.agora.io"

func main() {
	username := requireEnv("AGORA_CUSTOMER_ID")
	password := requireEnv("AGORA_CUSTOMER_SECRET")

	// Basic credentials: standard, padded Base64 of the UTF-8 bytes of "username:password".
	credentials := base64.StdEncoding.EncodeToString([]byte(username + ":" + password))

	req, err := http.NewRequest(http.MethodGet, baseURL+"/dev/v2/projects", nil)
	if err != nil {
		fail(err)
	}
	req.Header.Set("Authorization", "Basic "+credentials)
	req.Header.Set("Accept", "application/json")

	// http.DefaultClient has no timeout; a hung server would block forever.
	client := &http.Client{Timeout: 10 * time.Second}
	resp, err := client.Do(req)
	if err != nil {
		fail(err)
	}
	defer resp.Body.Close()

	respBody, err := io.ReadAll(resp.Body)
	if err != nil {
		fail(err)
	}
	fmt.Println(resp.Status)
	fmt.Println(string(respBody))

	// Do only fails on transport errors, so an error status has to be checked here.
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		os.Exit(1)
	}
}

// requireEnv returns the value of an environment variable, or exits if it is not set.
func requireEnv(name string) string {
	value, ok := os.LookupEnv(name)
	if !ok {
		fail(fmt.Errorf("set the environment variable %s", name))
	}
	return value
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "error:", err)
	os.Exit(1)
}
