2026-11-29 23:13 UTC (overhead): bench/run all
