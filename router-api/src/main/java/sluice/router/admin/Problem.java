package sluice.router.admin;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem-details body ({@code application/problem+json}), as every admin endpoint
 * answers an error. {@code field} names the offending input field when one is known.
 *
 * @param type   a URN naming the kind of problem, e.g. {@code urn:sluice:problem:invalid-input}
 * @param title  a short summary of the kind
 * @param status the HTTP status
 * @param detail what went wrong in this occurrence; never a secret, a stack trace or a class name
 * @param field  the input field at fault, e.g. {@code limits.rpm}; absent when none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem invalidInput(String field, String detail) {
        return new Problem(urn("invalid-input"), "Invalid input", 400, detail, field);
    }

    public static Problem notFound(String detail) {
        return new Problem(urn("not-found"), "Not found", 404, detail, null);
    }

    public static Problem conflict(String detail) {
        return new Problem(urn("conflict"), "Conflict", 409, detail, null);
    }

    public static Problem unauthorized(String detail) {
        return new Problem(urn("unauthorized"), "Unauthorized", 401, detail, null);
    }

    public static Problem forbidden() {
        return new Problem(urn("forbidden"), "Forbidden", 403, "your roles do not allow this operation", null);
    }

    public static Problem unavailable(String detail) {
        return new Problem(urn("unavailable"), "Service unavailable", 503, detail, null);
    }

    public static Problem internal() {
        return new Problem(urn("internal"), "Internal error", 500, "the gateway failed; see its log", null);
    }

    /** A problem for any other HTTP status the JAX-RS layer chose (405, 406, 415, …). */
    public static Problem ofStatus(int status, String title) {
        return new Problem(urn("http-" + status), title, status, null, null);
    }

    private static String urn(String slug) {
        return "urn:sluice:problem:" + slug;
    }
}
