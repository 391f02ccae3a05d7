2026-11-29 23:19 UTC (overshoot): bench/run all
