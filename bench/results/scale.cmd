2026-11-29 23:23 UTC (scale): bench/run all
