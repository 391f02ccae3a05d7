2026-11-30 06:37 UTC (overshoot): bench/run overshoot
