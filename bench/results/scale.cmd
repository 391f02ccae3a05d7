2026-11-30 05:40 UTC (scale): bench/run all
