2026-11-30 01:31 UTC (overhead): bench/run all
