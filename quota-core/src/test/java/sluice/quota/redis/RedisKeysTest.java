package sluice.quota.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Redis Cluster hashes only the tag: every key one script touches must carry the same one. */
class RedisKeysTest {

    @Test
    void allStateOfOneProviderKeySharesOneHashTag() {
        List<String> names = RedisKeys.all("deepseek-7");
        for (String name : names) {
            assertEquals("k:deepseek-7", RedisKeys.hashTag(name), name);
        }
        assertEquals(5, names.stream().distinct().count(), "state, minute, day, leases, month");
    }

    @Test
    void differentProviderKeysSpreadOverDifferentTags() {
        assertNotEquals(RedisKeys.hashTag(RedisKeys.state("a")), RedisKeys.hashTag(RedisKeys.state("b")));
    }

    @Test
    void aKeyIdWithBracesStillKeepsItsKeysTogether() {
        String odd = "weird}id{";
        assertEquals(RedisKeys.hashTag(RedisKeys.state(odd)), RedisKeys.hashTag(RedisKeys.leases(odd)));
        assertEquals(RedisKeys.hashTag(RedisKeys.state(odd)), RedisKeys.hashTag(RedisKeys.minute(odd)));
    }
}
