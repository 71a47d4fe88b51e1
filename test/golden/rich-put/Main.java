// Update a "widget" \u2014 with $HOME, ${x}, #{y}, {0}, %s, `tick` and \\u0022
//
// Line one of the description.
// Line two mentions */ and ?> and \\u000a, which must stay inside comments.
//
// Run (Java 11 or later): java Main.java
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

public class Main {
    // The API's scheme and host: the one line to change to call another server.
    static final String BASE_URL = "https://api.example.com:8443";

    public static void main(String[] args) throws InterruptedException {
        String username = "id\"'\\$`{0}%s";
        String password = "se:cr\\u0022et \u00A3 \uD83D\uDD11";

        // Basic credentials: Base64 of the UTF-8 bytes of "username:password". Name the
        // charset: before Java 18, getBytes() without one uses the platform's.
        String credentials = Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));

        String body = "{\"name\":\"Tab\\tand newline\\n and \\\"quote\\\"\",\"price\":12.5,\"tags\":[\"$x\",\"${y}\",\"`z`\"],\"nested\":{\"0\":\"zero\",\"empty\":{},\"list\":[]},\"none\":null}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(BASE_URL + "/v1/widgets/%C3%BC-42?q=a%20b%26c%3Dd%2F%C3%A9&tag=red&tag=blue%20%F0%9F%94%91&2=two&flag=true"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + credentials)
                .header("Accept", "application/json")
                .header("X-Request-Note", "quote \" backslash \\ dollar $x percent %s")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .build();

        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // send throws only on transport errors; an error status is a normal response.
            System.err.println("error: " + e);
            System.exit(1);
            return;
        }
        System.out.println(response.statusCode());
        System.out.println(response.body());
        if (response.statusCode() < 200 || response.statusCode() > 299) {
            System.exit(1);
        }
    }
}
