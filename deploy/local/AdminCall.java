import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One admin API call for deploy/local/up, with only a JDK at hand (no curl needed):
 * {@code java AdminCall.java URL TOKEN_FILE JSON_BODY} POSTs the body and prints the answer; exit 1 on a 4xx/5xx.
 */
public class AdminCall {
    public static void main(String[] args) throws Exception {
        String token = Files.readString(Path.of(args[1])).trim();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(args[0]))
                .header("Authorization", "Bearer " + token).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(args[2])).build(), HttpResponse.BodyHandlers.ofString());
        System.out.println(answer.body());
        System.exit(answer.statusCode() >= 400 ? 1 : 0);
    }
}
