-- key_gate.lua: library, the key's flags and deadlines in its state hash. No KEYS/ARGV of its own.
-- Fields: disabled ('1'), disabled_reason, exhausted_until, exhausted_reason, cooldown_until,
-- cooldown_reason, pv_req_left, pv_req_reset, pv_tok_left, pv_tok_reset (the provider's view).

-- gate_check(key, now) -> nil when the key may be used, else reason, retry_at (-1 = never), detail
local function gate_check(key, now)
  local f = redis.call('HMGET', key, 'disabled', 'disabled_reason', 'exhausted_until',
    'exhausted_reason', 'cooldown_until', 'cooldown_reason', 'pv_req_left', 'pv_req_reset',
    'pv_tok_left', 'pv_tok_reset')
  if f[1] == '1' then
    return 'DISABLED', -1, f[2] or ''
  end
  local exhausted = tonumber(f[3] or 0)
  if exhausted > now then
    return 'EXHAUSTED', exhausted, f[4] or ''
  end
  local cooldown = tonumber(f[5] or 0)
  if cooldown > now then
    return 'COOLDOWN', cooldown, f[6] or ''
  end
  local pv = 0
  if f[7] == '0' and tonumber(f[8] or 0) > now then pv = tonumber(f[8]) end
  if f[9] == '0' and tonumber(f[10] or 0) > pv and tonumber(f[10]) > now then pv = tonumber(f[10]) end
  if pv > 0 then
    return 'COOLDOWN', pv, 'provider reports no requests or tokens left until its reset'
  end
  return nil
end

-- gate_keep(key, now): the state hash never expires while disabled; otherwise it lives one day
-- past its latest deadline, so idle keys disappear but no cooldown is forgotten early.
local function gate_keep(key, now)
  local f = redis.call('HMGET', key, 'disabled', 'exhausted_until', 'cooldown_until',
    'pv_req_reset', 'pv_tok_reset')
  if f[1] == '1' then
    redis.call('PERSIST', key)
    return
  end
  local last = now
  for i = 2, 5 do
    last = math.max(last, tonumber(f[i] or 0) or 0)
  end
  redis.call('PEXPIRE', key, last - now + 86400000)
end
