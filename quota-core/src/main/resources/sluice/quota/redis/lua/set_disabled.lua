-- set_disabled.lua: disables a key (never expires) or enables it again.
-- Prepended libraries: clock, key_gate.
-- KEYS[1] state hash (hash tag {k:<keyId>})
-- ARGV[1] now override ms (-1 = Redis TIME)  ARGV[2] '1' to disable, '0' to enable  ARGV[3] reason
-- Returns 1.
local now = now_ms(ARGV[1])
if ARGV[2] == '1' then
  redis.call('HSET', KEYS[1], 'disabled', '1', 'disabled_reason', ARGV[3])
else
  redis.call('HDEL', KEYS[1], 'disabled', 'disabled_reason')
end
gate_keep(KEYS[1], now)
return 1
