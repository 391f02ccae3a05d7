2026-11-22 03:53 UTC (scale): bench/run all
