-- Adds one replica's finished seconds of passive-health counts to the shared per-second buckets
-- (docs/adr/0008-provider-health.md). Run once a second by each replica's background sync.
--
-- KEYS[i]  sluice:{health}:calls:<epoch second>, one per second being flushed (hash: field
--          "<provider>|<counter>" -> count)
-- ARGV[1]  the buckets' time to live in milliseconds (the passive window and a margin)
-- ARGV[2..] for KEYS[i] in order: n, then n pairs of field and amount
-- returns  the number of counters added
local ttl = tonumber(ARGV[1])
local at = 2
local added = 0
for i = 1, #KEYS do
    local n = tonumber(ARGV[at])
    at = at + 1
    for _ = 1, n do
        redis.call('HINCRBY', KEYS[i], ARGV[at], ARGV[at + 1])
        at = at + 2
        added = added + 1
    end
    redis.call('PEXPIRE', KEYS[i], ttl)
end
return added
