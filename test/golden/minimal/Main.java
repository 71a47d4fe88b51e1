// Get all projects
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
    static final String BASE_URL = "https://api.agora.io";

    public static void main(String[] args) throws InterruptedException {
        String username = "Your customer ID";
        String password = "Your customer secret";

        // Basic credentials: Base64 of the UTF-8 bytes of "username:password". Name the
        // charset: before Java 18, getBytes() without one uses the platform's.
        String credentials = Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));

        HttpRequest request = HttpRequest.newBuilder(URI.create(BASE_URL + "/dev/v2/projects"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + credentials)
                .GET()
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
