2026-11-30 05:36 UTC (overshoot): bench/run all
