-- clear_deadline.lua: ends a cooldown (with the mirrored provider view, which acts as one) or an
-- exhaustion at once (admin action).
-- Prepended libraries: clock, key_gate.
-- KEYS[1] state hash (hash tag {k:<keyId>})
-- ARGV[1] now override ms (-1 = Redis TIME)  ARGV[2] 'cooldown' or 'exhausted'
-- Returns the number of fields removed.
local now = now_ms(ARGV[1])
local removed
if ARGV[2] == 'cooldown' then
  removed = redis.call('HDEL', KEYS[1], 'cooldown_until', 'cooldown_reason', 'pv_req_left',
    'pv_req_reset', 'pv_tok_left', 'pv_tok_reset')
else
  removed = redis.call('HDEL', KEYS[1], 'exhausted_until', 'exhausted_reason')
end
gate_keep(KEYS[1], now)
return removed
