-- day_window.lua: library, daily counters per calendar day of the key's reset zone.
-- One hash per key: start, end (epoch ms of the day), req, tok. No KEYS/ARGV of its own.
-- The caller passes the starts of yesterday, today, tomorrow and the day after (computed in Java
-- for its zone, daylight saving included); the script picks the day that holds its own now.

-- dw_today(key, now, s) -> start, end, req, tok (0, 0 when the stored day is another one)
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

-- dw_add(key, start, stop, now, req, tok): charges the day, replacing a stored older day.
-- The hash expires at the day's end: the TTL is only cleanup, the start field decides.
local function dw_add(key, start, stop, now, req, tok)
  if tonumber(redis.call('HGET', key, 'start')) ~= start then
    redis.call('DEL', key)
    redis.call('HSET', key, 'start', start, 'end', stop, 'req', 0, 'tok', 0)
  end
  redis.call('HINCRBY', key, 'req', req)
  redis.call('HINCRBY', key, 'tok', tok)
  redis.call('PEXPIRE', key, math.max(stop - now, 1000))
end
