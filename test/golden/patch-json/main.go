// Rename a project (JSON spec)
//
// Set these environment variables first:
//   API_USER: Your user
//
// Run: go run main.go
package main

import (
	"encoding/base64"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"time"
)

// baseURL is the API's scheme and host: the one line to change to call another server.
const baseURL = "https://api.example.com"

func main() {
	username := requireEnv("API_USER")
	password := ""

	// Basic credentials: standard, padded Base64 of the UTF-8 bytes of "username:password".
	credentials := base64.StdEncoding.EncodeToString([]byte(username + ":" + password))

	body := strings.NewReader(`["__proto__",{"a-b":[1,2.5,-3,true,false,null]}]`)
	req, err := http.NewRequest(http.MethodPatch, baseURL+"/v1/items/7", body)
	if err != nil {
		fail(err)
	}
	req.Header.Set("Authorization", "Basic "+credentials)
	req.Header.Set("Content-Type", "application/merge-patch+json")

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
