2026-11-29 23:25 UTC (failover): bench/run all
