2026-11-30 03:39 UTC (failover): bench/run all
