package sluice.router.admin;

/**
 * A value an admin client sent breaks a rule that the admin API checks itself (a missing body or
 * field, an unparsable date, an unknown enum name). Stackless: it is a client's mistake, not a
 * fault. Answered with a 400 problem naming {@link #field()}; the message never repeats a secret.
 */
public class AdminInputException extends RuntimeException {
    private final String field;

    public AdminInputException(String field, String problem) {
        super(problem, null, false, false);
        this.field = field;
    }

    /** @return the input field at fault, e.g. {@code from}, or {@code null} for the whole body */
    public String field() {
        return field;
    }

    /** @throws AdminInputException (field {@code field}) when {@code value} is null */
    public static <T> T required(T value, String field) {
        if (value == null) {
            throw new AdminInputException(field, "is required");
        }
        return value;
    }

    /** @throws AdminInputException (no field) when the request carried no JSON body */
    public static <T> T body(T body) {
        if (body == null) {
            throw new AdminInputException(null, "a JSON body is required");
        }
        return body;
    }
}
