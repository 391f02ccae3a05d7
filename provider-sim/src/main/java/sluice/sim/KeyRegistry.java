package sluice.sim;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The simulated keys and the global faults; thread-safe. */
final class KeyRegistry {

    private final ConcurrentHashMap<String, KeyState> keys = new ConcurrentHashMap<>();
    private final AtomicLong unauthorized = new AtomicLong();
    private final TimeSource clock;
    private final WindowPolicy defaultPolicy;
    private final TpmCharge tpmCharge;
    private final long seed;
    private final Faults startupFaults;
    private volatile Faults globalFaults;

    KeyRegistry(SimConfig config) {
        this.clock = config.timeSource();
        this.defaultPolicy = config.window();
        this.tpmCharge = config.tpmCharge();
        this.seed = config.seed();
        this.startupFaults = config.faults().over(Faults.defaults());
        this.globalFaults = startupFaults;
        config.keys().forEach((key, limits) -> put(key, limits, null));
        config.keyFaults().forEach(this::setKeyFaults);
    }

    /** @return the key's state, or {@code null} when the key is unknown */
    KeyState find(String key) {
        return keys.get(key);
    }

    /**
     * Adds a key or updates its limits (and its faults when {@code faults} is not null).
     *
     * @throws IllegalArgumentException when the key is empty
     */
    void put(String key, KeyLimits limits, Faults faults) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("key must not be empty");
        }
        synchronized (keys) {
            KeyState state = keys.get(key);
            if (state == null) {
                state = new KeyState(key, clock, tpmCharge, seed);
                state.setFaults(Faults.inherit(), globalFaults);
            }
            state.configure(limits, defaultPolicy);
            if (faults != null) {
                state.setFaults(faults, globalFaults);
            }
            keys.put(key, state);
        }
    }

    /**
     * Sets a key's own faults; {@code null} fields inherit the global faults.
     *
     * @throws IllegalArgumentException when the key is unknown
     */
    void setKeyFaults(String key, Faults faults) {
        synchronized (keys) {
            existing(key).setFaults(faults, globalFaults);
        }
    }

    /** @return true when the key existed */
    boolean remove(String key) {
        return keys.remove(key) != null;
    }

    /**
     * Marks the key's daily quota exhausted until the next UTC midnight.
     *
     * @throws IllegalArgumentException when the key is unknown
     */
    void exhaust(String key) {
        existing(key).exhaust();
    }

    /** Sets the global faults; {@code null} fields take the start-up configuration's value. */
    void setGlobalFaults(Faults faults) {
        synchronized (keys) {
            globalFaults = faults.over(startupFaults);
            keys.values().forEach(state -> state.applyGlobalFaults(globalFaults));
        }
    }

    Faults globalFaults() {
        return globalFaults;
    }

    void recordUnauthorized() {
        unauthorized.incrementAndGet();
    }

    void reset() {
        keys.values().forEach(KeyState::reset);
        unauthorized.set(0);
    }

    SimStats stats() {
        Map<String, KeyStats> byKey = new TreeMap<>();
        keys.forEach((key, state) -> byKey.put(key, state.stats()));
        return new SimStats(byKey, unauthorized.get());
    }

    private KeyState existing(String key) {
        KeyState state = keys.get(key);
        if (state == null) {
            throw new IllegalArgumentException("unknown key");
        }
        return state;
    }
}
