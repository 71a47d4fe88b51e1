// Update a "widget" — with $HOME, ${x}, #{y}, {0}, %s, `tick` and \u0022
//
// Line one of the description.
// Line two mentions */ and ?> and \u000a, which must stay inside comments.
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
const baseURL = "https://api.example.com:8443"

func main() {
	username := "id\"'\\$`{0}%s"
	password := "se:cr\\u0022et £ 🔑"

	// Basic credentials: standard, padded Base64 of the UTF-8 bytes of "username:password".
	credentials := base64.StdEncoding.EncodeToString([]byte(username + ":" + password))

	body := strings.NewReader("{\"name\":\"Tab\\tand newline\\n and \\\"quote\\\"\",\"price\":12.5,\"tags\":[\"$x\",\"${y}\",\"`z`\"],\"nested\":{\"0\":\"zero\",\"empty\":{},\"list\":[]},\"none\":null}")
	req, err := http.NewRequest(http.MethodPut, baseURL+"/v1/widgets/%C3%BC-42?q=a%20b%26c%3Dd%2F%C3%A9&tag=red&tag=blue%20%F0%9F%94%91&2=two&flag=true", body)
	if err != nil {
		fail(err)
	}
	req.Header.Set("Authorization", "Basic "+credentials)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("X-Request-Note", "quote \" backslash \\ dollar $x percent %s")
	req.Header.Set("Content-Type", "application/json")

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
