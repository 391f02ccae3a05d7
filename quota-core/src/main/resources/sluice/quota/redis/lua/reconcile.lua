-- reconcile.lua: settles a reservation with the real token count and frees its lease (one round
-- trip). Also used by release with actual = 0: tokens go back, the request stays counted; and by
-- cancel (request delta -1): the request never left the gateway, its count goes back too.
-- Prepended libraries: clock, minute_window_scan, minute_window.
-- KEYS[1] minute-window hash, KEYS[2] day hash, KEYS[3] leases zset, KEYS[4] month hash
--   (hash tag {k:<keyId>})
-- ARGV[1] now override ms (-1 = Redis TIME)  ARGV[2] bucket ms  ARGV[3] window ms
-- ARGV[4] bucket index charged  ARGV[5] day start charged  ARGV[6] token delta (actual - reserved)
-- ARGV[7] lease id  ARGV[8] month start charged (0 = no month was counted)
-- ARGV[9] request delta (0 = settle or release, -1 = cancel; absent = 0)
-- Returns {minute delta applied, day delta applied, lease released (1/0), month delta applied}
--   (token deltas)
-- The minute deltas apply only while the charged bucket is still counted; the day (month) deltas
-- only while the charged day (month) is current. Nothing is ever taken below zero.
local now = now_ms(ARGV[1])
local bucket_ms, window_ms = tonumber(ARGV[2]), tonumber(ARGV[3])
local bucket, day_start, delta = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
local req_delta = tonumber(ARGV[9] or 0)
local changes = delta ~= 0 or req_delta ~= 0

local function clamped_incr(key, field, by)
  if by == 0 then
    return 0 -- nothing to add (a settle's request delta, a release's): no read
  end
  local have = tonumber(redis.call('HGET', key, field) or 0)
  local applied = math.max(by, -have)
  if applied ~= 0 then
    redis.call('HINCRBY', key, field, applied)
  end
  return applied
end

local minute_applied = 0
local cur, sreq, stok, head = mw_slide(KEYS[1], now, bucket_ms, window_ms / bucket_ms)
if changes and bucket >= head and bucket <= cur
    and redis.call('HEXISTS', KEYS[1], 't' .. bucket) == 1 then
  minute_applied = clamped_incr(KEYS[1], 't' .. bucket, delta)
  clamped_incr(KEYS[1], 'sum_tok', minute_applied)
  clamped_incr(KEYS[1], 'sum_req', clamped_incr(KEYS[1], 'r' .. bucket, req_delta))
end

local day_applied = 0
if changes and tonumber(redis.call('HGET', KEYS[2], 'start')) == day_start then
  day_applied = clamped_incr(KEYS[2], 'tok', delta)
  clamped_incr(KEYS[2], 'req', req_delta)
end

local month_applied, month_start = 0, tonumber(ARGV[8])
if changes and month_start > 0 and tonumber(redis.call('HGET', KEYS[4], 'start')) == month_start then
  month_applied = clamped_incr(KEYS[4], 'tok', delta)
  clamped_incr(KEYS[4], 'req', req_delta)
end

local released = redis.call('ZREM', KEYS[3], ARGV[7])
return {minute_applied, day_applied, released, month_applied}
