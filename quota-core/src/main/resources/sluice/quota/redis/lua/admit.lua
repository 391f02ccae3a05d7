-- admit.lua: atomic admission of one request on one provider key (one round trip).
-- Prepended libraries: clock, minute_window_scan, minute_window, day_window, key_gate.
-- KEYS[1] state hash, KEYS[2] minute-window hash, KEYS[3] day hash, KEYS[4] leases zset,
--   KEYS[5] month hash (all share the hash tag {k:<keyId>}: one slot, Redis Cluster safe)
-- ARGV[1] now override ms (-1 = Redis TIME)  ARGV[2] bucket ms  ARGV[3] window ms
-- ARGV[4] rpm  ARGV[5] tpm  ARGV[6] rpd  ARGV[7] tpd  ARGV[8] max concurrent (0 = unlimited)
-- ARGV[9] estimated tokens  ARGV[10] lease id  ARGV[11] lease ttl ms
-- ARGV[12..15] starts of yesterday, today, tomorrow, the day after (key's reset zone)
-- ARGV[16] tokens per month (0 = none, month hash untouched)  ARGV[17..20] month starts, as above
-- Returns {1, now, bucket, day_start, min_req, min_tok, day_req, day_tok, in_flight, month_start,
--          month_tok} when admitted (month_start 0 = no month counted)
--         {0, now, reason, retry_at (-1 = never), detail} when denied (nothing reserved)
local now = now_ms(ARGV[1])
local bucket_ms, window_ms = tonumber(ARGV[2]), tonumber(ARGV[3])
local rpm, tpm, rpd, tpd = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7])
local max_conc, est, lease_ttl, tpmo = tonumber(ARGV[8]), tonumber(ARGV[9]), tonumber(ARGV[11]), tonumber(ARGV[16])

local reason, retry_at, detail = gate_check(KEYS[1], now)
if reason then
  return {0, now, reason, retry_at, detail}
end
local cur, sreq, stok, head = mw_slide(KEYS[2], now, bucket_ms, window_ms / bucket_ms)
if rpm > 0 and sreq + 1 > rpm then
  local at = mw_free_at(KEYS[2], head, cur, sreq + 1 - rpm, 0, bucket_ms, window_ms)
  return {0, now, 'RPM', at, sreq .. ' of ' .. rpm .. ' requests used in the rolling minute'}
end
if tpm > 0 and est > tpm then
  return {0, now, 'TPM', -1, 'request needs ' .. est .. ' tokens, more than the key TPM ' .. tpm}
end
if tpm > 0 and stok + est > tpm then
  local at = mw_free_at(KEYS[2], head, cur, 0, stok + est - tpm, bucket_ms, window_ms)
  return {0, now, 'TPM', at, stok .. ' of ' .. tpm .. ' tokens used in the rolling minute'}
end
local dstart, dend, dreq, dtok = dw_today(KEYS[3], now, dw_starts(12))
if rpd > 0 and dreq + 1 > rpd then
  return {0, now, 'RPD', dend, dreq .. ' of ' .. rpd .. ' requests used today'}
end
if tpd > 0 and (est > tpd or dtok + est > tpd) then
  return {0, now, 'TPD', est > tpd and -1 or dend, dtok .. ' of ' .. tpd .. ' tokens used today'}
end
local mstart, mend, _, mtok = 0, 0, 0, 0
if tpmo > 0 then
  mstart, mend, _, mtok = dw_today(KEYS[5], now, dw_starts(17))
  if est > tpmo or mtok + est > tpmo then
    return {0, now, 'MONTHLY_TOKENS', est > tpmo and -1 or mend,
      mtok .. ' of ' .. tpmo .. ' tokens used this month'}
  end
end
redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', now)
local in_flight = redis.call('ZCARD', KEYS[4])
if max_conc > 0 and in_flight >= max_conc then
  local first = redis.call('ZRANGE', KEYS[4], 0, 0, 'WITHSCORES')
  return {0, now, 'CONCURRENCY', tonumber(first[2]), in_flight .. ' of ' .. max_conc .. ' in flight'}
end
mw_add(KEYS[2], head, cur, 1, est, 2 * window_ms)
dw_add(KEYS[3], dstart, dend, now, 1, est)
if tpmo > 0 then dw_add(KEYS[5], mstart, mend, now, 1, est); mtok = mtok + est end
redis.call('ZADD', KEYS[4], now + lease_ttl, ARGV[10])
if redis.call('PTTL', KEYS[4]) < lease_ttl + 1000 then
  redis.call('PEXPIRE', KEYS[4], lease_ttl + 1000)
end
return {1, now, cur, dstart, sreq + 1, stok + est, dreq + 1, dtok + est, in_flight + 1, mstart, mtok}
