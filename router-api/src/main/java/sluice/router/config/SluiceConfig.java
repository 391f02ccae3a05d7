package sluice.router.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every {@code sluice.*} property the gateway reads. See docs/configuration.md. */
@ConfigMapping(prefix = "sluice")
public interface SluiceConfig {

    /** Inbound HTTP limits. */
    Http http();

    /** The shared quota state. */
    Redis redis();

    /** Quota admission behaviour. */
    Quota quota();

    /** The usage ledger's upkeep in PostgreSQL. */
    Ledger ledger();

    /** Upstream providers by id (e.g. {@code sluice.providers.deepseek.base-url}). */
    Map<String, Provider> providers();

    /**
     * Provider ids tried in order for every request, when no route table ({@code sluice.routes.*})
     * is configured; each sends the requested model when it offers it, else its first model.
     */
    List<String> route();

    /**
     * The route table: {@code sluice.routes.<task class|default>=provider/model[:weight],...}
     * (weights on {@code general} only). Empty: every class takes {@code sluice.route}.
     */
    Map<String, String> routes();

    /** Model aliases: {@code sluice.model-aliases."claude-sonnet-*"=provider/model,...} or a task class. */
    @WithName("model-aliases")
    Map<String, String> modelAliases();

    /** The task classifier. */
    Classifier classifier();

    /** Client authentication. */
    Auth auth();

    /** Provider health: circuit breakers, bulkheads and the leader's active probes. */
    Health health();

    interface Health {
        /** How often the leader replica probes every provider ({@code GET /models}). */
        @WithDefault("10s")
        Duration probeInterval();

        /** Calls in the breaker's rolling window before it may open. */
        @WithDefault("10")
        int breakerVolume();

        /** Share of failed calls (5xx, timeout, connection) in the window that opens the breaker. */
        @WithDefault("0.5")
        double breakerFailureRatio();

        /** How long an open breaker stays open before letting a trial call through. */
        @WithDefault("10s")
        Duration breakerDelay();

        /** Upstream calls in flight per provider per replica; more are refused at once (bulkhead). */
        @WithDefault("256")
        int bulkhead();

        /**
         * When every active key of a provider answers 429 within this time, the provider is flagged
         * rate limited (likely an IP-level limit) for every replica instead of cooling key after key.
         */
        @WithDefault("5s")
        Duration ipLimitWindow();

        /** Least time a provider flagged rate limited is skipped; a later Retry-After extends it. */
        @WithDefault("30s")
        Duration ipLimitPause();

        /** Passive health: verdicts from live traffic over a sliding window, shared through Redis. */
        Passive passive();

        interface Passive {
            /** The sliding window of calls judged (counted in 1 s buckets). */
            @WithDefault("30s")
            Duration window();

            /** Fewer calls than this in the window: no verdict, the provider counts as healthy. */
            @WithDefault("10")
            int minCalls();

            /** Success rate (OK / OK + 5xx, timeouts, connection failures) below which a provider is degraded. */
            @WithDefault("0.9")
            double degradedSuccessRate();

            /** Success rate below which a provider is down. */
            @WithDefault("0.5")
            double downSuccessRate();

            /** The latency percentile compared with {@link #latencyThreshold()} (0.95 = p95). */
            @WithDefault("0.95")
            double latencyPercentile();

            /** A provider whose percentile latency to the answer's head exceeds this is degraded. */
            @WithDefault("10s")
            Duration latencyThreshold();
        }
    }

    interface Auth {
        /**
         * Refuse requests without a valid client key (401). When false, a request without a key is
         * served as tenant {@code anonymous} (local demos); a presented key is always checked.
         */
        @WithDefault("true")
        boolean requireClientKey();

        /** How long a replica remembers a client key's check (revocation takes effect within it). */
        @WithDefault("30s")
        Duration cacheTtl();
    }

    interface Classifier {
        /** Prompt tokens above which a request is {@code long_context}. */
        @WithDefault("32000")
        int longContextTokens();
    }

    /** Where provider key secrets are sealed (AES-256-GCM) before they reach PostgreSQL. */
    Secrets secrets();

    /** The key pool as read from PostgreSQL. */
    Keys keys();

    interface Secrets {
        /**
         * The master key ring, {@code VERSION:BASE64KEY[,VERSION:BASE64KEY…]} (32-byte keys); the
         * highest version seals, every version opens. Env {@code SLUICE_SECRETS_MASTER_KEYS}.
         */
        Optional<String> masterKeys();

        /** A file holding the master key ring in the same form (e.g. a mounted Kubernetes secret). */
        Optional<java.nio.file.Path> masterKeyFile();
    }

    interface Keys {
        /** How often each replica polls the key catalog version and, when it moved, re-reads keys and limits from PostgreSQL. */
        @WithDefault("5s")
        Duration refreshInterval();
    }

    interface Http {
        /** Largest accepted request body in bytes; larger bodies get a 400. */
        @WithDefault("4194304")
        int maxBodyBytes();
    }

    interface Redis {
        /** Redis address, e.g. {@code redis://127.0.0.1:6379}. */
        @WithDefault("redis://127.0.0.1:6379")
        String uri();

        /** Longest wait for one Redis command before it counts as failed. */
        @WithDefault("1s")
        Duration timeout();

        /**
         * The quota commands one event loop issues during one pass (admissions, settlements and usage
         * events of the requests it serves) go to Redis as one pipelined write ({@code true}), each
         * still its own atomic script; {@code false}: a write per command.
         */
        @WithDefault("true")
        boolean loopPipelining();
    }

    interface Quota {
        /** What to do when Redis cannot be reached: {@code fail-closed} or {@code fail-open-local}. */
        @WithDefault("fail-closed")
        RedisDownMode redisDownMode();

        /**
         * {@code shared} admits atomically in Redis (the product); {@code local} counts in each
         * replica's memory alone, a deliberately naive contrast used by benchmarks.
         */
        @WithDefault("shared")
        QuotaMode mode();

        /** How long a concurrency lease lives unless the request ends or renews it. */
        @WithDefault("5m")
        Duration leaseTtl();

        /** Cooldown written after a 429 that carries no retry hint. */
        @WithDefault("20s")
        Duration defaultCooldown();

        /** How many keys of one provider are tried before moving on to the next provider. */
        @WithDefault("4")
        int maxKeyAttempts();

        /**
         * Added to the 60 s window: admissions that the gateway spaces a minute apart can reach the
         * provider closer together by network jitter; the margin keeps them in separate windows.
         */
        @WithDefault("1s")
        Duration windowMargin();

        /**
         * Longest time a replica skips a key it knows blocked without asking Redis again: another
         * replica or an operator may have lifted the block, and Redis is the only truth.
         */
        @WithDefault("2s")
        Duration localSkipMax();

        /** How often the leader checks whether Redis lost its data (and restores it from PostgreSQL). */
        @WithDefault("5s")
        Duration restoreCheckInterval();

        /** Completion tokens reserved for a model before any usage has been learned. */
        @WithDefault("512")
        int defaultCompletionEstimate();
    }

    interface Ledger {
        /**
         * How long ledger rows are kept at least (at least one day): the leader replica drops each
         * monthly partition once its whole month is older than this, so rows live until at most
         * the end of their month after it.
         */
        @WithDefault("90d")
        Duration retention();

        /**
         * How often the leader applies the retention and makes sure this and next month's
         * partitions exist (the first run is one interval after start).
         */
        @WithDefault("1h")
        Duration maintenanceInterval();
    }

    /** Where admission counts. */
    enum QuotaMode {
        /** Atomically in Redis, shared by every replica. */
        SHARED,
        /** In each replica's memory alone: the naive contrast that overshoots. */
        LOCAL
    }

    /** Policy while Redis is unreachable. */
    enum RedisDownMode {
        FAIL_CLOSED,
        FAIL_OPEN_LOCAL
    }

    interface Provider {
        /** Base URL up to and including {@code /v1}, e.g. {@code http://127.0.0.1:9000/v1}. */
        String baseUrl();

        /** {@code openai-compatible} (the only kind so far). */
        @WithDefault("openai-compatible")
        String kind();

        /** Models offered; the first is used when a request names none known to the provider. */
        List<String> models();

        /** Time allowed to open a connection. */
        @WithDefault("2s")
        Duration connectTimeout();

        /** Time allowed for the whole upstream answer to start (and between stream chunks). */
        @WithDefault("120s")
        Duration requestTimeout();

        /** Reserve prompt + max_tokens, for providers that charge that at arrival. */
        @WithDefault("false")
        boolean reserveMaxTokens();

        /** The provider's API keys by key id. */
        Map<String, Key> keys();
    }

    interface Key {
        /**
         * The provider API key itself; never logged. Seeded (sealed) into PostgreSQL at start when
         * no key with this id exists there yet; from then on the database is the key's record.
         */
        String secret();

        @WithDefault("0")
        long rpm();

        @WithDefault("0")
        long tpm();

        @WithDefault("0")
        long rpd();

        @WithDefault("0")
        long tpd();

        @WithName("max-concurrent")
        @WithDefault("0")
        int maxConcurrent();

        /** Time zone in which the provider resets its daily quota. */
        @WithDefault("UTC")
        String dailyResetZone();

        /** Optional label shown in the admin API. */
        Optional<String> label();
    }
}
