2026-11-30 01:44 UTC (failover): bench/run all
