2026-11-30 03:26 UTC (overhead): bench/run all
