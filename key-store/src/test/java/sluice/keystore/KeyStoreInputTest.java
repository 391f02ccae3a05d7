package sluice.keystore;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Bad input is refused with the name of the field, so an API can say which one. */
class KeyStoreInputTest {
    private static final ZoneId UTC = ZoneId.of("UTC");

    @Test
    void negativeLimitNamesTheLimit() {
        assertField("limits.tpm", () -> new KeyLimits(10, -1, 0, 0, 0, UTC));
        assertField("limits.maxConcurrent", () -> new KeyLimits(0, 0, 0, 0, -2, UTC));
        assertField("limits.dailyResetZone", () -> KeyLimits.zone("Mars/Olympus"));
    }

    @Test
    void keySettingsNameTheirField() {
        assertField("label", () -> new KeySettings(" ", KeyLimits.unlimited(), 1));
        assertField("weight", () -> new KeySettings("main", KeyLimits.unlimited(), 0));
        assertField("limits", () -> new KeySettings("main", null, 1));
    }

    @Test
    void providerSettingsRefuseUrlsThatCouldCarryCredentials() {
        assertField("baseUrl", () -> settings("https://user:pw@api.example.com/v1"));
        assertField("baseUrl", () -> settings("https://api.example.com/v1?key=abc"));
        assertField("baseUrl", () -> settings("ftp://api.example.com"));
        assertField("baseUrl", () -> settings("api.example.com/v1"));
    }

    @Test
    void providerIdIsShortAndLogSafe() {
        ProviderSettings ok = settings("https://api.deepseek.com/v1");

        assertEquals("deepseek.eu-1", new ProviderEntity("deepseek.eu-1", ok, Instant.now()).id());
        assertField("id", () -> new ProviderEntity("DeepSeek EU", ok, Instant.now()));
    }

    @Test
    void statusAndKindAcceptOnlyTheirValues() {
        assertEquals(KeyStatus.REVOKED, KeyStatus.fromDbValue("revoked"));
        assertEquals(ProviderKind.ANTHROPIC, ProviderKind.fromDbValue("anthropic"));
        assertField("status", () -> KeyStatus.fromDbValue("paused"));
        assertField("kind", () -> ProviderKind.fromDbValue("gemini"));
    }

    @Test
    void auditDetailIsEscapedJson() {
        AuditDetail detail = new AuditDetail(Map.of("reason", "said \"no\"\n\\ \u0001"));

        assertEquals("{\"reason\":\"said \\\"no\\\"\\n\\\\ \\u0001\"}", detail.toJson());
        assertEquals("{}", AuditDetail.empty().with("reason", null).toJson());
    }

    private static ProviderSettings settings(String baseUrl) {
        return new ProviderSettings(ProviderKind.OPENAI_COMPATIBLE, baseUrl, List.of("deepseek-chat"),
                Duration.ofSeconds(5), Duration.ofMinutes(5));
    }

    private static void assertField(String field, org.junit.jupiter.api.function.Executable action) {
        assertEquals(field, assertThrows(InvalidKeyStoreInputException.class, action).field());
    }
}
