package sluice.router.admin;

import java.time.Duration;
import java.util.List;

/**
 * {@code POST /admin/tokens}: who the token is for ({@code subject}, becomes the audit actor), its
 * {@code roles} (admin, operator, viewer) and an optional ISO-8601 {@code lifetime} such as {@code PT8H}.
 */
public record TokenRequest(String subject, List<String> roles, Duration lifetime) {
}
