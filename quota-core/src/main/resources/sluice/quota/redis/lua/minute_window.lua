-- minute_window.lua: library, the sliding window of sub-buckets (docs/adr/0001-window-algorithm.md).
-- One hash per key: head = oldest bucket index still counted, sum_req / sum_tok = running sums,
-- r<i> / t<i> = requests / tokens of bucket i (i = floor(ms / bucket_ms)). No KEYS/ARGV of its own.
-- Needs minute_window_scan.lua before it.

-- Gaps up to this many buckets are evicted bucket by bucket; longer ones by one scan of the hash.
local MW_STEP_LIMIT = 8

-- mw_slide(key, now, bucket_ms, span) -> cur, sum_req, sum_tok, head
-- Drops buckets lying wholly before now - window. The bucket straddling now - window still counts,
-- so the sums are >= the true usage of (now - window, now]. Never creates the hash.
local function mw_slide(key, now, bucket_ms, span)
  local cur = math.floor(now / bucket_ms)
  local oldest = cur - span
  local f = redis.call('HMGET', key, 'head', 'sum_req', 'sum_tok')
  local head = tonumber(f[1])
  if head == nil or oldest - head > span then
    -- nothing stored, or every stored bucket (all lie in [head, head + span]) has left: O(1) reset
    redis.call('DEL', key)
    return cur, 0, 0, oldest
  end
  local sreq, stok = tonumber(f[2] or 0), tonumber(f[3] or 0)
  if oldest > head then
    local gone_req, gone_tok = 0, 0
    if oldest - head <= MW_STEP_LIMIT then
      for i = head, oldest - 1 do
        local b = redis.call('HMGET', key, 'r' .. i, 't' .. i)
        if b[1] or b[2] then
          gone_req, gone_tok = gone_req + tonumber(b[1] or 0), gone_tok + tonumber(b[2] or 0)
          redis.call('HDEL', key, 'r' .. i, 't' .. i)
        end
      end
    else
      gone_req, gone_tok = mw_evict_scanned(key, oldest)
    end
    sreq, stok, head = math.max(sreq - gone_req, 0), math.max(stok - gone_tok, 0), oldest
    redis.call('HSET', key, 'head', head, 'sum_req', sreq, 'sum_tok', stok)
  end
  return math.max(cur, head), sreq, stok, head
end

-- mw_add(key, head, cur, req, tok, ttl_ms): charges bucket cur and the sums; keeps the hash alive.
local function mw_add(key, head, cur, req, tok, ttl_ms)
  redis.call('HSETNX', key, 'head', head)
  redis.call('HINCRBY', key, 'r' .. cur, req)
  redis.call('HINCRBY', key, 't' .. cur, tok)
  redis.call('HINCRBY', key, 'sum_req', req)
  redis.call('HINCRBY', key, 'sum_tok', tok)
  redis.call('PEXPIRE', key, ttl_ms)
end
