2026-11-22 04:42 UTC (overhead): BENCH_QUICK=1 bench/run overhead
