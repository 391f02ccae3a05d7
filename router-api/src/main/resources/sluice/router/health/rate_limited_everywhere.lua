-- Notes a 429 on one key of a provider and flags the provider as rate limited when every key of
-- it answered 429 within the window: an IP-level (or account-level) limit, not a key's
-- (docs/adr/0008-provider-health.md). Redis TIME is the clock, so replicas agree on the window.
--
-- KEYS[1]  sluice:{health}:429:<provider>  hash: key id -> Redis ms of that key's latest 429
-- KEYS[2]  sluice:{health}:rate-limited    hash: provider -> "untilMs|sinceMs|reason"
-- ARGV[1]  key id
-- ARGV[2]  provider id
-- ARGV[3]  how many active keys the provider has
-- ARGV[4]  the window in ms within which every key must have answered 429
-- ARGV[5]  how long the provider is skipped once flagged, in ms (the later deadline wins)
-- ARGV[6]  the reason shown to operators
-- returns  the flag's deadline in Redis ms when the provider is flagged now, else 0
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[4])
redis.call('HSET', KEYS[1], ARGV[1], now)
redis.call('PEXPIRE', KEYS[1], window)
local recent = 0
local seen = redis.call('HGETALL', KEYS[1])
for i = 1, #seen, 2 do
    if tonumber(seen[i + 1]) >= now - window then
        recent = recent + 1
    else
        redis.call('HDEL', KEYS[1], seen[i])
    end
end
if recent < tonumber(ARGV[3]) then
    return 0
end
local untilMs = now + tonumber(ARGV[5])
local since = now
local old = redis.call('HGET', KEYS[2], ARGV[2])
if old then
    local oldUntil, oldSince = string.match(old, '^(%d+)|(%d+)|')
    if oldUntil and tonumber(oldUntil) > now then
        since = tonumber(oldSince)
        untilMs = math.max(untilMs, tonumber(oldUntil))
    end
end
redis.call('HSET', KEYS[2], ARGV[2], string.format('%d|%d|%s', untilMs, since, ARGV[6]))
return untilMs
