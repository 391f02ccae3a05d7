2026-11-30 01:40 UTC (scale): bench/run all
