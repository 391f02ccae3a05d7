2026-11-30 01:37 UTC (overshoot): bench/run all
