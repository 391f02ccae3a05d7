-- clock.lua: library prepended to every script that needs the time; no KEYS/ARGV of its own.
-- now_ms(override) -> epoch milliseconds.
--   override >= 0: the caller's clock (tests drive a fake clock this way).
--   otherwise: Redis TIME, so every replica reads one clock (docs/adr/0002-clock.md).
-- Redis >= 5 replicates script effects, so calling TIME before writing is allowed.
local function now_ms(override)
  local fixed = tonumber(override)
  if fixed ~= nil and fixed >= 0 then
    return fixed
  end
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
