-- renew_lease.lua: extends one concurrency lease of a long call (a stream).
-- Prepended library: clock.
-- KEYS[1] leases zset (hash tag {k:<keyId>})
-- ARGV[1] now override ms (-1 = Redis TIME)  ARGV[2] lease id  ARGV[3] new ttl ms
-- Returns 1 when renewed, 0 when the lease had already expired or was released (not re-created:
-- its slot may belong to another request by now).
local now = now_ms(ARGV[1])
local ttl = tonumber(ARGV[3])
local expiry = tonumber(redis.call('ZSCORE', KEYS[1], ARGV[2]))
if expiry == nil or expiry <= now then
  redis.call('ZREM', KEYS[1], ARGV[2])
  return 0
end
redis.call('ZADD', KEYS[1], now + ttl, ARGV[2])
if redis.call('PTTL', KEYS[1]) < ttl + 1000 then
  redis.call('PEXPIRE', KEYS[1], ttl + 1000)
end
return 1
