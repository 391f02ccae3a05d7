package sluice.router;

import sluice.testsupport.TestServers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** Reads a request's ledger row once the drain wrote it. */
public final class LedgerRows {
    private LedgerRows() {
    }

    /** @return the row's {@code status,prompt_tokens,completion_tokens}, polled for up to 10 s */
    public static String tokens(String requestId) throws Exception {
        return polled("SELECT status || ',' || coalesce(prompt_tokens::text, '-') || ',' ||"
                + " coalesce(completion_tokens::text, '-') FROM usage_ledger WHERE request_id = ?", requestId);
    }

    /** @return the row's upstream calls as {@code provider:outcome,...}, polled for up to 10 s */
    public static String attempts(String requestId) throws Exception {
        return polled("SELECT (SELECT string_agg(a->>'provider' || ':' || (a->>'outcome'), ',')"
                + " FROM jsonb_array_elements(attempt_log) a) FROM usage_ledger WHERE request_id = ?", requestId);
    }

    private static String polled(String query, String requestId) throws Exception {
        for (int i = 0; i < 100; i++) {
            try (Connection c = TestServers.postgres().connect();
                 PreparedStatement s = c.prepareStatement(query)) {
                s.setString(1, requestId);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        return rs.getString(1);
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no ledger row for request " + requestId);
    }
}
