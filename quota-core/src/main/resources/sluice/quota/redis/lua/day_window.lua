-- day_window.lua: library, counters per calendar period of the key's reset zone: its day, and
-- (only when a monthly limit is set) its month. One hash per period kind: start, end (epoch ms of
-- the period), req, tok. No KEYS/ARGV of its own.
-- The caller passes the starts of the previous, current, next and following period (computed in
-- Java for its zone, daylight saving included); the script picks the period that holds its now.

-- dw_starts(first) -> the four period starts at ARGV[first .. first + 3]
local function dw_starts(first)
  return {tonumber(ARGV[first]), tonumber(ARGV[first + 1]), tonumber(ARGV[first + 2]),
    tonumber(ARGV[first + 3])}
end

-- dw_today(key, now, s) -> start, end, req, tok (0, 0 when the stored period is another one)
local function dw_today(key, now, s)
  local start, stop = s[2], s[3]
  if now < s[2] then
    start, stop = s[1], s[2]
  elseif now >= s[3] then
    start, stop = s[3], s[4]
  end
  local f = redis.call('HMGET', key, 'start', 'req', 'tok')
  if tonumber(f[1]) ~= start then
    return start, stop, 0, 0
  end
  return start, stop, tonumber(f[2] or 0), tonumber(f[3] or 0)
end

-- dw_add(key, start, stop, now, req, tok): charges the period, replacing a stored older one.
-- The hash expires at the period's end: the TTL is only cleanup, the start field decides.
local function dw_add(key, start, stop, now, req, tok)
  if tonumber(redis.call('HGET', key, 'start')) ~= start then
    redis.call('DEL', key)
    redis.call('HSET', key, 'start', start, 'end', stop, 'req', 0, 'tok', 0)
  end
  redis.call('HINCRBY', key, 'req', req)
  redis.call('HINCRBY', key, 'tok', tok)
  redis.call('PEXPIRE', key, math.max(stop - now, 1000))
end

-- dw_current(key, now) -> req, tok of the stored period while it lasts, else 0, 0 (creates nothing)
local function dw_current(key, now)
  local d = redis.call('HMGET', key, 'end', 'req', 'tok')
  if tonumber(d[1] or 0) > now then
    return tonumber(d[2] or 0), tonumber(d[3] or 0)
  end
  return 0, 0
end
