package sluice.testsupport;

import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedisServerIT {

    @Test
    void kill9DropsDataWithoutPersistenceAndRestartServesTheSamePort() {
        try (RedisServer redis = RedisServer.start()) {
            assertEquals("+OK", redis.command("SET k v"));
            int port = redis.port();

            redis.kill9();
            assertFalse(redis.isRunning());
            assertThrows(UncheckedIOException.class, () -> redis.command("PING"));

            redis.restart();
            assertEquals(port, redis.port());
            assertEquals("$-1", redis.command("GET k"), "data gone after kill -9 without AOF");
        }
    }

    @Test
    void appendOnlyServerKeepsDataAcrossKill9() {
        try (RedisServer redis = RedisServer.start(FreePorts.find(), WorkDirs.fresh("redis-aof"), true)) {
            redis.command("SET survivor yes");
            redis.kill9();
            redis.restart();
            assertTrue(redis.isRunning());
            assertEquals("$3", redis.command("GET survivor"));
        }
    }

    @Test
    void flushAllForgetsEverything() {
        RedisServer redis = TestServers.redis();
        redis.command("SET gone soon");
        redis.flushAll();
        assertEquals(":0", redis.command("EXISTS gone"));
    }
}
