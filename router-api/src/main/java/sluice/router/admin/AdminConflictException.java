package sluice.router.admin;

/** The request collides with the current state, e.g. a key id already taken (409). Stackless. */
public class AdminConflictException extends RuntimeException {

    public AdminConflictException(String message) {
        super(message, null, false, false);
    }
}
