2026-11-30 05:10 UTC (quick): bench/jmh/run
