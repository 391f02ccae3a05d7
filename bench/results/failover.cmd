2026-11-30 05:43 UTC (failover): bench/run all
