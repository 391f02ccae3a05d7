package sluice.router;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Bad input gets a 400 in OpenAI's error format naming what is wrong; never a 500 or a stack trace. */
@QuarkusTest
@QuarkusTestResource(value = GatewayTestEnvironment.class, restrictToAnnotatedClass = false)
class BadInputTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "malformed JSON                | {\"messages\": [                                      | | not valid JSON",
            "not an object                 | [1,2,3]                                               | | must be a JSON object",
            "missing messages              | {\"model\":\"gpt-4o-mini\"}                           | messages | 'messages' is required",
            "messages not an array         | {\"messages\":\"hi\"}                                 | messages | must be an array",
            "empty messages                | {\"messages\":[]}                                     | messages | at least one message",
            "message without role          | {\"messages\":[{\"content\":\"hi\"}]}                 | messages[0].role | must be a string",
            "content of a wrong type       | {\"messages\":[{\"role\":\"user\",\"content\":5}]}    | messages[0].content | string or an array",
            "stream not a boolean          | {\"stream\":\"yes\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]} | stream | must be a boolean",
            "negative max_tokens           | {\"max_tokens\":-1,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]} | max_tokens | positive integer",
            "model not a string            | {\"model\":7,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]} | model | must be a string",
    })
    void rejectedWithA400NamingTheProblem(String name, String body, String param, String message) {
        var response = given().contentType(ContentType.JSON).body(body)
                .when().post("/v1/chat/completions")
                .then().statusCode(400)
                .contentType(ContentType.JSON)
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.message", containsString(message));
        if (param != null && !param.isBlank()) {
            response.body("error.param", equalTo(param.trim()));
        }
    }

    @Test
    void emptyBodyIsA400() {
        given().contentType(ContentType.JSON).when().post("/v1/chat/completions")
                .then().statusCode(400).body("error.message", containsString("empty"));
    }

    @Test
    void bodyOverTheConfiguredSizeIsA400() {
        String big = "{\"messages\":[{\"role\":\"user\",\"content\":\"" + "x".repeat(70_000) + "\"}]}";
        given().contentType(ContentType.JSON).body(big)
                .when().post("/v1/chat/completions")
                .then().statusCode(400)
                .body("error.message", containsString("65536 bytes"));
    }

    @Test
    void badInputLeavesNoStackTraceInTheLog() throws Exception {
        given().contentType(ContentType.JSON).body("{oops").when().post("/v1/chat/completions")
                .then().statusCode(400);
        Path log = Path.of("target/quarkus-test.log");
        String text = Files.exists(log) ? Files.readString(log) : "";
        assertFalse(text.contains("\tat "), "stack trace in the gateway log");
        assertFalse(text.contains("Exception:"), "exception in the gateway log");
    }
}
