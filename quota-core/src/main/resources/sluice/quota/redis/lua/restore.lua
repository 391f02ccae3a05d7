-- restore.lua: after Redis lost its data, re-applies one key's durable facts and starts its
-- counters conservatively (docs/adr/0003-redis-down-policy.md, "Redis lost its data").
-- Prepended libraries: clock, minute_window_scan, minute_window, day_window, key_gate.
-- KEYS[1] state hash, KEYS[2] minute-window hash, KEYS[3] day hash, KEYS[4] month hash
--   (hash tag {k:<keyId>})
-- ARGV[1] now override ms (-1 = Redis TIME)  ARGV[2] bucket ms  ARGV[3] window ms
-- ARGV[4] rpm  ARGV[5] tpm  ARGV[6] disabled ('1'/'0')  ARGV[7] disabled reason
-- ARGV[8] exhausted until (0 = none)  ARGV[9] exhausted reason
-- ARGV[10] requests today  ARGV[11] tokens today (conservative figures from durable records)
-- ARGV[12..15] starts of yesterday, today, tomorrow, the day after (key's reset zone)
-- ARGV[16] tokens this month (0 = no month counter)  ARGV[17..20] starts of last .. the month after
-- Returns {minute requests, minute tokens, day requests, day tokens, month tokens} after the restore.
local now = now_ms(ARGV[1])
local bucket_ms, window_ms = tonumber(ARGV[2]), tonumber(ARGV[3])
local rpm, tpm = tonumber(ARGV[4]), tonumber(ARGV[5])
if ARGV[6] == '1' then
  redis.call('HSET', KEYS[1], 'disabled', '1', 'disabled_reason', ARGV[7])
end
local exhausted = tonumber(ARGV[8])
if exhausted > tonumber(redis.call('HGET', KEYS[1], 'exhausted_until') or 0) then
  redis.call('HSET', KEYS[1], 'exhausted_until', exhausted, 'exhausted_reason', ARGV[9])
end
gate_keep(KEYS[1], now)

-- the minute window starts full: nothing more is admitted until it slides out, one window later
local cur, sreq, stok, head = mw_slide(KEYS[2], now, bucket_ms, window_ms / bucket_ms)
local add_req, add_tok = math.max(rpm - sreq, 0), math.max(tpm - stok, 0)
if add_req > 0 or add_tok > 0 then
  mw_add(KEYS[2], head, cur, add_req, add_tok, 2 * window_ms)
end

local dstart, dend, dreq, dtok = dw_today(KEYS[3], now, dw_starts(12))
local more_req = math.max(tonumber(ARGV[10]) - dreq, 0)
local more_tok = math.max(tonumber(ARGV[11]) - dtok, 0)
if more_req > 0 or more_tok > 0 then
  dw_add(KEYS[3], dstart, dend, now, more_req, more_tok)
end
local mtok = 0
if tonumber(ARGV[16]) > 0 then
  local mstart, mend, _, have = dw_today(KEYS[4], now, dw_starts(17))
  mtok = math.max(tonumber(ARGV[16]), have)
  if mtok > have then
    dw_add(KEYS[4], mstart, mend, now, 0, mtok - have)
  end
end
return {sreq + add_req, stok + add_tok, dreq + more_req, dtok + more_tok, mtok}
