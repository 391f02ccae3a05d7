2026-11-22 03:50 UTC (overshoot): bench/run all
