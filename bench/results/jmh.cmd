2026-11-29 22:09 UTC (quick): bench/jmh/run
