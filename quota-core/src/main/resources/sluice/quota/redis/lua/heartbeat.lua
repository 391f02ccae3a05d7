-- heartbeat.lua: one replica says it is alive; answers how many replicas are.
-- Prepended library: clock.
-- KEYS[1] replicas zset (member replica id, score = expiry ms), key sluice:{replicas}:live
-- ARGV[1] now override ms (-1 = Redis TIME)  ARGV[2] replica id
-- ARGV[3] ttl ms (<= 0: the replica leaves now)
-- Returns the number of live replicas after the call.
local now = now_ms(ARGV[1])
local ttl = tonumber(ARGV[3])
if ttl > 0 then
  redis.call('ZADD', KEYS[1], now + ttl, ARGV[2])
  redis.call('PEXPIRE', KEYS[1], ttl * 10)
else
  redis.call('ZREM', KEYS[1], ARGV[2])
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
return redis.call('ZCARD', KEYS[1])
