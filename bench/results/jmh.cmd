2026-11-30 06:38 UTC (quick): bench/jmh/run
