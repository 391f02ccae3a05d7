2026-11-29 23:28 UTC (quick): bench/jmh/run
