package sluice.router.ledger;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import sluice.keystore.UsageEvent;
import sluice.keystore.UsageLedgerWriter;
import sluice.keystore.UsagePartitions;
import sluice.router.GatewayTestEnvironment;
import sluice.testsupport.TestServers;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The leader's ledger upkeep against the real PostgreSQL: partitions older than
 * {@code sluice.ledger.retention} go (36500d in the test profile, so January 1920 is past it and
 * March 2004 is not), recent ones stay, next month's exists ahead.
 */
@QuarkusTest
@QuarkusTestResource(value = GatewayTestEnvironment.class, restrictToAnnotatedClass = false)
class LedgerRetentionTest {
    private static final Instant JANUARY_1920 = Instant.parse("1920-01-15T08:00:00Z");
    private static final Instant MARCH_2004 = Instant.parse("2004-03-20T08:00:00Z");

    @Inject
    LedgerRetention retention;

    @Inject
    UsagePartitions partitions;

    @Inject
    UsageLedgerWriter ledger;

    @Test
    void partitionsPastTheRetentionAreDroppedWithTheirRowsAndRecentOnesKept() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> ledger.writeBatch(List.of(event(JANUARY_1920), event(MARCH_2004))));
        assertEquals(1, rowsBetween("1920-01-01", "1920-02-01"));

        List<String> dropped = retention.runOnce();

        assertEquals(List.of("usage_ledger_p192001"), dropped);
        List<String> left = VertxContextSupport.subscribeAndAwait(partitions::list);
        assertFalse(left.contains("usage_ledger_p192001"));
        assertTrue(left.contains("usage_ledger_p200403"), "inside the retention: kept " + left);
        LocalDate next = LocalDate.now(ZoneOffset.UTC).plusMonths(1);
        assertTrue(left.contains(String.format("usage_ledger_p%04d%02d", next.getYear(), next.getMonthValue())),
                "next month's partition exists ahead: " + left);
        assertEquals(0, rowsBetween("1920-01-01", "1920-02-01"));
        assertTrue(rowsBetween("2004-03-01", "2004-04-01") >= 1);
        assertEquals(List.of(), retention.runOnce(), "a second run finds nothing more to drop");
    }

    @Test
    void aRetentionShorterThanADayIsRefusedNamingTheProperty() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LedgerRetention.validated(Duration.ofHours(23)));
        assertTrue(e.getMessage().startsWith("sluice.ledger.retention must be at least 1d"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> LedgerRetention.validated(Duration.ofDays(-5)));
        assertEquals(Duration.ofDays(90), LedgerRetention.validated(Duration.ofDays(90)));
    }

    private static UsageEvent event(Instant at) {
        return new UsageEvent(UUID.randomUUID().toString(), at, "retention-test", "ck-test", "sim", "sim-key-1",
                "gpt-4o-mini", "general", 10, 10, 10, 10, 200, 1, 5, null);
    }

    private static long rowsBetween(String from, String to) throws Exception {
        try (Connection c = TestServers.postgres().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM usage_ledger WHERE occurred_at >= '" + from
                     + "' AND occurred_at < '" + to + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
