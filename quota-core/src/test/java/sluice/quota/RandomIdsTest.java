package sluice.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Request and lease ids from the cheap generator keep the shapes the rest of the system reads. */
class RandomIdsTest {

    @Test
    void requestIdsAreDistinctVersion4Uuids() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String id = RandomIds.uuid();
            UUID parsed = UUID.fromString(id);
            assertEquals(4, parsed.version(), id);
            assertEquals(2, parsed.variant(), id);
            assertEquals(id, parsed.toString());
            assertTrue(seen.add(id), "repeated " + id);
        }
    }

    @Test
    void leaseSuffixesAreEightHexDigitsAndVary() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String suffix = RandomIds.hex8();
            assertTrue(suffix.matches("[0-9a-f]{8}"), suffix);
            seen.add(suffix);
        }
        assertTrue(seen.size() > 990, "distinct suffixes of 1,000: " + seen.size());
    }
}
