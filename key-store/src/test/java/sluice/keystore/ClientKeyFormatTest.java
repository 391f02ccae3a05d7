package sluice.keystore;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Client keys: their shape, their hash, and that nothing holding one prints it. */
class ClientKeyFormatTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void generatedKeysAreSkSlcAndFortyBase62CharactersAndAllDifferent() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String key = ClientKeyFormat.generate(random).reveal();
            assertTrue(key.matches("sk-slc-[0-9A-Za-z]{40}"), key);
            assertTrue(ClientKeyFormat.wellFormed(key), key);
            seen.add(key);
        }
        assertEquals(1000, seen.size());
    }

    @Test
    void anythingElseIsRefusedBeforeTheDatabase() {
        String key = ClientKeyFormat.generate(random).reveal();

        assertFalse(ClientKeyFormat.wellFormed(null));
        assertFalse(ClientKeyFormat.wellFormed(""));
        assertFalse(ClientKeyFormat.wellFormed(key.substring(1)));
        assertFalse(ClientKeyFormat.wellFormed(key + "x"));
        assertFalse(ClientKeyFormat.wellFormed("sk-abc-" + key.substring(7)));
        assertFalse(ClientKeyFormat.wellFormed(key.substring(0, 46) + "-"));
        assertFalse(ClientKeyFormat.wellFormed(key.substring(0, 46) + "\u00e9"));
    }

    @Test
    void theStoredHashIsSha256OfTheKeyAndTheSameForTheKeyAsPresented() throws Exception {
        ClearSecret key = ClientKeyFormat.generate(random);
        String presented = key.reveal();
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(presented.getBytes(StandardCharsets.UTF_8));

        assertArrayEquals(expected, ClientKeyFormat.hash(key));
        assertArrayEquals(expected, ClientKeyFormat.hash(presented));
        assertEquals(presented.substring(0, 11), ClientKeyFormat.displayPrefix(key));
    }

    @Test
    void createdClientKeyPrintsTheViewButNotTheKey() {
        ClearSecret key = ClientKeyFormat.generate(random);
        String clear = key.reveal();
        ClientKeyView view = new ClientKeyView("ck-1", "acme", clear.substring(0, 11), "ci", Instant.now(), null, null, null);

        String printed = new CreatedClientKey(view, key).toString();

        assertFalse(printed.contains(clear.substring(11)), printed);
        assertTrue(printed.contains("ClearSecret[***]") && printed.contains("prefix=" + clear.substring(0, 11)), printed);
    }
}
