package sluice.sim;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerResponse;

/** Writes every error answer in OpenAI's format: {@code {"error":{message,type,param,code}}}. */
final class OpenAiErrors {

    private static final String QUOTA_MESSAGE = "You exceeded your current quota, please check "
            + "your plan and billing details. For more information on this error, read the docs: "
            + "https://platform.openai.com/docs/guides/error-codes/api-errors.";

    private OpenAiErrors() {
    }

    static void unauthorized(HttpServerResponse response, boolean keyPresent) {
        String message = keyPresent
                ? "Incorrect API key provided. You can find your API key at "
                        + "https://platform.openai.com/account/api-keys."
                : "You didn't provide an API key. You need to provide your API key in an "
                        + "Authorization header using Bearer auth (i.e. Authorization: Bearer "
                        + "YOUR_KEY).";
        send(response, 401, message, "invalid_request_error", null, "invalid_api_key");
    }

    static void badRequest(HttpServerResponse response, InvalidRequestException e) {
        send(response, 400, e.getMessage(), "invalid_request_error", e.param(), e.code());
    }

    static void notFound(HttpServerResponse response, String method, String path) {
        send(response, 404, "Unknown request URL: " + method + " " + path + ".",
                "invalid_request_error", null, "unknown_url");
    }

    static void serverError(HttpServerResponse response, int status) {
        String message = status == 503
                ? "The engine is currently overloaded, please try again later."
                : "The server had an error while processing your request. Sorry about that!";
        send(response, status, message, "server_error", null, null);
    }

    /** Answers a denied admission: 429 with Retry-After and the x-ratelimit-* headers. */
    static void rateLimited(HttpServerResponse response, Admission denial) {
        MultiMap headers = response.headers();
        headers.set("retry-after",
                Long.toString(OpenAiDuration.retryAfterSeconds(denial.retryAfterMillis())));
        headers.set("retry-after-ms", Long.toString(Math.max(1, denial.retryAfterMillis())));
        RateLimitHeaders.apply(headers, denial.rateLimits());
        switch (denial.denial()) {
            case RPD, EXHAUSTED -> send(response, 429, QUOTA_MESSAGE, "insufficient_quota",
                    null, "insufficient_quota");
            case CONCURRENCY -> send(response, 429, "Too many concurrent requests: limit "
                    + denial.limit() + ", in flight " + denial.used() + ". Please try again "
                    + "in 1s.", "requests", null, "concurrency_limit_exceeded");
            case RPM -> send(response, 429, perMinuteMessage("requests per min (RPM)", denial),
                    "requests", null, "rate_limit_exceeded");
            case TPM -> send(response, 429, perMinuteMessage("tokens per min (TPM)", denial),
                    "tokens", null, "rate_limit_exceeded");
            default -> throw new IllegalArgumentException("not a 429: " + denial.denial());
        }
    }

    /** Writes an error with the given fields; {@code param} and {@code code} may be null. */
    static void send(HttpServerResponse response, int status, String message, String type,
                     String param, String code) {
        String body = "{\"error\":{\"message\":" + quote(message) + ",\"type\":" + quote(type)
                + ",\"param\":" + quote(param) + ",\"code\":" + quote(code) + "}}";
        response.setStatusCode(status)
                .putHeader("content-type", "application/json")
                .end(body);
    }

    private static String perMinuteMessage(String what, Admission denial) {
        return "Rate limit reached for " + what + ": Limit " + denial.limit() + ", Used "
                + denial.used() + ", Requested " + denial.requested() + ". Please try again in "
                + OpenAiDuration.format(denial.retryAfterMillis()) + ".";
    }

    private static String quote(String value) {
        if (value == null) {
            return "null";
        }
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + "\"";
    }
}
