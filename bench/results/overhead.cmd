2026-11-30 05:30 UTC (overhead): bench/run all
