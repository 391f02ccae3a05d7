-- state.lua: everything stored about one key, for the admin API and tests. Evicts buckets that
-- left the minute window (as admission would) but creates nothing.
-- Prepended libraries: clock, minute_window_scan, minute_window, day_window.
-- KEYS[1] state hash, KEYS[2] minute-window hash, KEYS[3] day hash, KEYS[4] leases zset,
-- KEYS[5] month hash
-- ARGV[1] now override ms (-1 = Redis TIME)  ARGV[2] bucket ms  ARGV[3] window ms
-- Returns {now, disabled, disabled_reason, cooldown_until, cooldown_reason, exhausted_until,
--   exhausted_reason, pv_req_left, pv_req_reset, pv_tok_left, pv_tok_reset,
--   min_req, min_tok, day_req, day_tok, in_flight, month_req, month_tok}; absent strings are '',
--   absent numbers -1 or 0.
local now = now_ms(ARGV[1])
local s = redis.call('HMGET', KEYS[1], 'disabled', 'disabled_reason', 'cooldown_until',
  'cooldown_reason', 'exhausted_until', 'exhausted_reason', 'pv_req_left', 'pv_req_reset',
  'pv_tok_left', 'pv_tok_reset')
local bucket_ms = tonumber(ARGV[2])
local _, sreq, stok = mw_slide(KEYS[2], now, bucket_ms, tonumber(ARGV[3]) / bucket_ms)
local dreq, dtok = dw_current(KEYS[3], now)
local mreq, mtok = dw_current(KEYS[5], now)
local in_flight = redis.call('ZCOUNT', KEYS[4], '(' .. now, '+inf')
return {now, s[1] == '1' and 1 or 0, s[2] or '', tonumber(s[3] or 0), s[4] or '',
  tonumber(s[5] or 0), s[6] or '', tonumber(s[7] or -1), tonumber(s[8] or -1),
  tonumber(s[9] or -1), tonumber(s[10] or -1), sreq, stok, dreq, dtok, in_flight, mreq, mtok}
