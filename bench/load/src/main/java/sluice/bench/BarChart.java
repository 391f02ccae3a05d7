package sluice.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.util.List;

/**
 * One panel of grouped bars drawn with plain Java 2D: a group per scenario, a bar per target.
 * A second, optional series per bar is drawn as an outline (e.g. p99 around a solid p50).
 * Values may be negative; the zero line is drawn.
 */
final class BarChart {
    static final Color[] COLORS = {new Color(0x59, 0x59, 0x59), new Color(0x4e, 0x79, 0xa7),
            new Color(0xe1, 0x57, 0x59), new Color(0xf2, 0x8e, 0x2b), new Color(0x76, 0xb7, 0xb2)};

    private BarChart() {
    }

    /**
     * @param solid   [group][series] values drawn as filled bars (NaN = no bar)
     * @param outline [group][series] values drawn as outlined bars, or null
     */
    static void draw(Graphics2D g, int x, int y, int width, int height, String title, List<String> groups,
                     List<String> series, double[][] solid, double[][] outline) {
        double max = 0;
        double min = 0;
        for (int i = 0; i < solid.length; i++) {
            for (int j = 0; j < solid[i].length; j++) {
                for (double v : new double[]{solid[i][j], outline == null ? Double.NaN : outline[i][j]}) {
                    if (!Double.isNaN(v)) {
                        max = Math.max(max, v);
                        min = Math.min(min, v);
                    }
                }
            }
        }
        if (max == min) {
            max = min + 1;
        }
        int left = x + 70;
        int top = y + 30;
        int plotW = width - 80;
        int plotH = height - 80;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, x + 10, y + 18);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        double range = max - min;
        for (int t = 0; t <= 4; t++) {
            double v = min + range * t / 4;
            int ty = top + plotH - (int) Math.round((v - min) / range * plotH);
            g.setColor(new Color(0xdd, 0xdd, 0xdd));
            g.drawLine(left, ty, left + plotW, ty);
            g.setColor(Color.DARK_GRAY);
            g.drawString(format(v), x + 5, ty + 4);
        }
        int zeroY = top + plotH - (int) Math.round((0 - min) / range * plotH);
        g.setColor(Color.BLACK);
        g.drawLine(left, zeroY, left + plotW, zeroY);
        int groupW = plotW / Math.max(1, groups.size());
        int barW = Math.max(4, (groupW - 16) / Math.max(1, series.size()));
        for (int i = 0; i < groups.size(); i++) {
            int gx = left + i * groupW + 8;
            for (int j = 0; j < series.size(); j++) {
                int bx = gx + j * barW;
                g.setColor(COLORS[j % COLORS.length]);
                bar(g, bx, barW - 2, zeroY, solid[i][j], min, range, plotH, true);
                if (outline != null) {
                    g.setStroke(new BasicStroke(1.5f));
                    bar(g, bx, barW - 2, zeroY, outline[i][j], min, range, plotH, false);
                    g.setStroke(new BasicStroke(1f));
                }
            }
            g.setColor(Color.BLACK);
            String label = groups.get(i);
            int lw = g.getFontMetrics().stringWidth(label);
            g.drawString(label, gx + (groupW - 16 - lw) / 2, top + plotH + 16);
        }
        int lx = left;
        for (int j = 0; j < series.size(); j++) {
            g.setColor(COLORS[j % COLORS.length]);
            g.fillRect(lx, top + plotH + 30, 12, 12);
            g.setColor(Color.BLACK);
            g.drawString(series.get(j), lx + 16, top + plotH + 40);
            lx += 30 + g.getFontMetrics().stringWidth(series.get(j));
        }
    }

    private static void bar(Graphics2D g, int x, int w, int zeroY, double v, double min, double range, int plotH,
                            boolean filled) {
        if (Double.isNaN(v)) {
            return;
        }
        int h = (int) Math.round(Math.abs(v) / range * plotH);
        int top = v >= 0 ? zeroY - h : zeroY;
        if (filled) {
            g.fillRect(x, top, w, Math.max(1, h));
        } else {
            g.drawRect(x, top, w, Math.max(1, h));
        }
    }

    static String format(double v) {
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format("%,.0f", v);
        }
        return a >= 10 ? String.format("%.0f", v) : String.format("%.2f", v);
    }
}
