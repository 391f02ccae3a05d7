package sluice.quota.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One Lua script as sent to Redis: its main resource file with the library files it uses
 * prepended (Redis 6.2 has no functions, so libraries are shared by concatenation; the result is
 * still one {@code EVALSHA}, one round trip). Sources live in {@code sluice/quota/redis/lua/}.
 */
enum LuaScript {
    ADMIT("admit", "clock", "minute_window_scan", "minute_window", "day_window", "key_gate"),
    RECONCILE("reconcile", "clock", "minute_window_scan", "minute_window"),
    RENEW_LEASE("renew_lease", "clock"),
    SET_DEADLINE("set_deadline", "clock", "key_gate"),
    SET_DISABLED("set_disabled", "clock", "key_gate"),
    CLEAR_DEADLINE("clear_deadline", "clock", "key_gate"),
    MIRROR_VIEW("mirror_view", "clock", "key_gate"),
    STATE("state", "clock", "minute_window_scan", "minute_window", "day_window"),
    RESTORE("restore", "clock", "minute_window_scan", "minute_window", "day_window", "key_gate"),
    HEARTBEAT("heartbeat", "clock");

    private static final String FOLDER = "sluice/quota/redis/lua/";

    private final String name;
    private final String source;
    private final String sha1;

    LuaScript(String main, String... libraries) {
        this.name = main;
        StringBuilder text = new StringBuilder();
        for (String library : libraries) {
            text.append(read(library)).append('\n');
        }
        this.source = text.append(read(main)).toString();
        this.sha1 = sha1Hex(source);
    }

    /** The SHA-1 digest Redis knows the script by ({@code EVALSHA}), in lower-case hex. */
    String sha1() {
        return sha1;
    }

    private static String sha1Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 missing from the JDK", e);
        }
    }

    /** The composed source (libraries, then the main file). */
    String source() {
        return source;
    }

    String scriptName() {
        return name;
    }

    static String read(String file) {
        String path = FOLDER + file + ".lua";
        try (InputStream in = LuaScript.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing Lua resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
