2026-11-30 03:32 UTC (overshoot): bench/run all
