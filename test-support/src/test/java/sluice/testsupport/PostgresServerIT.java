package sluice.testsupport;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostgresServerIT {

    @Test
    void committedRowsSurviveKill9AndRestart() throws SQLException {
        try (PostgresServer pg = PostgresServer.start()) {
            try (Connection c = pg.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (v text)");
                s.execute("INSERT INTO t VALUES ('kept')");
            }
            pg.kill9();
            assertFalse(pg.isRunning());
            assertThrows(SQLException.class, pg::connect);

            pg.restart();
            assertTrue(pg.isRunning());
            try (Connection c = pg.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT v FROM t")) {
                assertTrue(rs.next());
                assertEquals("kept", rs.getString(1));
            }
        }
    }

    @Test
    void sharedServerIsRealPostgres() throws SQLException {
        try (Connection c = TestServers.postgres().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW server_version")) {
            assertTrue(rs.next());
            assertTrue(rs.getString(1).startsWith("18."), rs.getString(1));
        }
    }
}
