2026-11-30 06:15 UTC (scale): bench/run scale
