package sluice.router.admin;

/**
 * The roles of the admin API, carried in a JWT's {@code groups} claim. Each endpoint names every
 * role it admits: {@code admin} may do everything, {@code operator} may also change key states
 * (clear cooldowns, enable and disable keys, update limits and weights), {@code viewer} only reads.
 */
public final class AdminRoles {
    public static final String ADMIN = "admin";
    public static final String OPERATOR = "operator";
    public static final String VIEWER = "viewer";

    private AdminRoles() {
    }
}
