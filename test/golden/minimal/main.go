// Get all projects
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
	username := "Your customer ID"
	password := "Your customer secret"

	// Basic credentials: standard, padded Base64 of the UTF-8 bytes of "username:password".
	credentials := base64.StdEncoding.EncodeToString([]byte(username + ":" + password))

	req, err := http.NewRequest(http.MethodGet, baseURL+"/dev/v2/projects", nil)
	if err != nil {
		fail(err)
	}
	req.Header.Set("Authorization", "Basic "+credentials)

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

func fail(err error) {
	fmt.Fprintln(os.Stderr, "error:", err)
	os.Exit(1)
}
