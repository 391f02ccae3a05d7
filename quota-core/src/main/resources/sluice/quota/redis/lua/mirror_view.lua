-- mirror_view.lua: stores the provider's own x-ratelimit-remaining-* / reset figures so every
-- replica learns them; 0 remaining blocks admission until the reset (see key_gate.lua).
-- Prepended libraries: clock, key_gate.
-- KEYS[1] state hash (hash tag {k:<keyId>})
-- ARGV[1] now override ms (-1 = Redis TIME)
-- ARGV[2] requests left  ARGV[3] requests reset (epoch ms)
-- ARGV[4] tokens left    ARGV[5] tokens reset (epoch ms); -1 = not reported, previous value kept
-- Returns 1.
local now = now_ms(ARGV[1])
if tonumber(ARGV[2]) >= 0 then
  redis.call('HSET', KEYS[1], 'pv_req_left', ARGV[2], 'pv_req_reset', ARGV[3])
end
if tonumber(ARGV[4]) >= 0 then
  redis.call('HSET', KEYS[1], 'pv_tok_left', ARGV[4], 'pv_tok_reset', ARGV[5])
end
gate_keep(KEYS[1], now)
return 1
