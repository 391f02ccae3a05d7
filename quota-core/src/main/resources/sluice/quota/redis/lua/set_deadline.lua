-- set_deadline.lua: writes a cooldown or an exhaustion deadline through at once; the later
-- deadline wins (a late, shorter Retry-After never shortens a longer cooldown).
-- Prepended libraries: clock, key_gate.
-- KEYS[1] state hash (hash tag {k:<keyId>})
-- ARGV[1] now override ms (-1 = Redis TIME)  ARGV[2] 'cooldown' or 'exhausted'
-- ARGV[3] until (epoch ms)  ARGV[4] reason
-- Returns the deadline in force after the call.
local now = now_ms(ARGV[1])
local field = ARGV[2] .. '_until'
local wanted = tonumber(ARGV[3])
local current = tonumber(redis.call('HGET', KEYS[1], field) or 0)
if wanted > current then
  redis.call('HSET', KEYS[1], field, wanted, ARGV[2] .. '_reason', ARGV[4])
  current = wanted
end
gate_keep(KEYS[1], now)
return current
