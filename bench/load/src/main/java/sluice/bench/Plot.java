package sluice.bench;

import io.vertx.core.json.JsonObject;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The PNG next to docs/benchmarks.md: relative throughput and added latency per overhead cell. */
final class Plot {
    private Plot() {
    }

    static void write(ResultSet results, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<ResultSet.Cell> cells = results.cells();
        List<String> groups = new ArrayList<>();
        cells.forEach(c -> groups.add(c.shortName()));
        int n = cells.size();
        int t = ResultSet.TARGETS.size();
        double[][] rps = new double[n][t];
        double[][] addedP50 = new double[n][t - 1];
        double[][] addedP99 = new double[n][t - 1];
        for (int i = 0; i < n; i++) {
            JsonObject direct = results.overhead("direct", cells.get(i));
            for (int j = 0; j < t; j++) {
                JsonObject row = results.overhead(ResultSet.TARGETS.get(j), cells.get(i));
                rps[i][j] = row == null || direct == null ? Double.NaN : row.getDouble("rps") / direct.getDouble("rps");
                if (j > 0) {
                    addedP50[i][j - 1] = ResultSet.latency(row, "latencyMs", "p50")
                            - ResultSet.latency(direct, "latencyMs", "p50");
                    addedP99[i][j - 1] = ResultSet.latency(row, "latencyMs", "p99")
                            - ResultSet.latency(direct, "latencyMs", "p99");
                }
            }
        }
        int width = Math.max(900, 160 * n + 120);
        BufferedImage image = new BufferedImage(width, 760, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, 760);
        BarChart.draw(g, 0, 0, width, 370, "Throughput relative to direct (direct = 1; absolute req/s in the tables; higher is better)", groups,
                ResultSet.TARGET_NAMES, rps, null);
        double[][] p50 = shift(addedP50);
        double[][] p99 = shift(addedP99);
        BarChart.draw(g, 0, 385, width, 370,
                "Added latency vs direct, ms: p50 filled, p99 outlined (lower is better)", groups,
                ResultSet.TARGET_NAMES, p50, p99);
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }

    /** Puts the proxies' values under the same colours as the throughput panel (direct left empty). */
    private static double[][] shift(double[][] values) {
        double[][] out = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            out[i] = new double[values[i].length + 1];
            out[i][0] = Double.NaN;
            System.arraycopy(values[i], 0, out[i], 1, values[i].length);
        }
        return out;
    }
}
