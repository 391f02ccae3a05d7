2026-11-30 03:35 UTC (scale): bench/run all
