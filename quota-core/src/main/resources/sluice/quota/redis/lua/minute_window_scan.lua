-- minute_window_scan.lua: library, reads a minute-window hash in ONE HGETALL instead of one call
-- per bucket; used to evict across a long idle gap and to compute a denial's retry time, so that
-- neither costs more than the hash's own size (docs/adr/0001-window-algorithm.md). No KEYS/ARGV.

-- mw_scan(key) -> {[bucket index] = {requests, tokens}} for every bucket held (r<i> / t<i> fields)
local function mw_scan(key)
  local flat = redis.call('HGETALL', key)
  local buckets = {}
  for i = 1, #flat, 2 do
    local kind, index = string.sub(flat[i], 1, 1), tonumber(string.sub(flat[i], 2))
    if index ~= nil and (kind == 'r' or kind == 't') then
      local b = buckets[index] or {0, 0}
      b[kind == 'r' and 1 or 2] = tonumber(flat[i + 1])
      buckets[index] = b
    end
  end
  return buckets
end

-- mw_evict_scanned(key, oldest) -> requests, tokens removed: every bucket below oldest, one HDEL
local function mw_evict_scanned(key, oldest)
  local fields, req, tok = {}, 0, 0
  for index, b in pairs(mw_scan(key)) do
    if index < oldest then
      req, tok = req + b[1], tok + b[2]
      fields[#fields + 1] = 'r' .. index
      fields[#fields + 1] = 't' .. index
    end
  end
  if #fields > 0 then
    redis.call('HDEL', key, unpack(fields))
  end
  return req, tok
end

-- mw_free_at(key, head, cur, need_req, need_tok, bucket_ms, window_ms) -> epoch ms
-- Walks the buckets oldest first until need_req requests and need_tok tokens would have left;
-- bucket i leaves the window at (i + 1) * bucket_ms + window_ms. If the buckets do not hold that
-- much, answers when all of them have left.
local function mw_free_at(key, head, cur, need_req, need_tok, bucket_ms, window_ms)
  local buckets = mw_scan(key)
  local freq, ftok = 0, 0
  for i = head, cur do
    local b = buckets[i]
    if b ~= nil then
      freq, ftok = freq + b[1], ftok + b[2]
      if freq >= need_req and ftok >= need_tok then
        return (i + 1) * bucket_ms + window_ms
      end
    end
  end
  return (cur + 1) * bucket_ms + window_ms
end
