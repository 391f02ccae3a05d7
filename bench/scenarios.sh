# Scenarios of bench/run (sourced by it; uses its helpers: start, stop, gateways, bench, ...).
# shellcheck shell=bash

# JIT_WARM_S: seconds of load per mode (plain, streaming) before any measured row, so that C2 has compiled
# the hot path of all three replicas (three JVMs on two cores: 10 s left C2 busy well into the measured rows)
if [ "$quick" = 1 ]; then
  WARM_S=2; DURATION_S=4; JIT_WARM_S=10; LATENCIES="0"; OVERSHOOT_S=20; SCALE_WARM_S=4; SCALE_S=5; PROFILE_S=5
else
  WARM_S=3; DURATION_S=8; JIT_WARM_S=40; LATENCIES="0 200"; OVERSHOOT_S=65; SCALE_WARM_S=8; SCALE_S=10; PROFILE_S=10
fi
UNLIMITED_RPM=100000000         # limits high enough never to deny, so every window is still tracked
UNLIMITED_TPM=100000000000

start_nginx() { # writes the config: :NGINX_DIRECT_PORT → sim, :NGINX_LB_PORT → the 3 replicas
  mkdir -p "$run/nginx/temp"
  cat > "$run/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $run/nginx/nginx.pid;
error_log $logs/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $run/nginx/temp/body;
  proxy_temp_path $run/nginx/temp/proxy;
  fastcgi_temp_path $run/nginx/temp/fastcgi;
  uwsgi_temp_path $run/nginx/temp/uwsgi;
  scgi_temp_path $run/nginx/temp/scgi;
  keepalive_requests 10000000;
  upstream sim { server 127.0.0.1:$SIM_PORT; keepalive 256; keepalive_requests 10000000; }
  upstream sluice {
    server 127.0.0.1:${GW_PORTS[0]}; server 127.0.0.1:${GW_PORTS[1]}; server 127.0.0.1:${GW_PORTS[2]};
    keepalive 256; keepalive_requests 10000000;
  }
  proxy_http_version 1.1;
  proxy_set_header Connection "";
  proxy_buffering off;
  proxy_request_buffering off;
  server { listen 127.0.0.1:$NGINX_DIRECT_PORT; location / { proxy_pass http://sim; } }
  server { listen 127.0.0.1:$NGINX_LB_PORT; location / { proxy_pass http://sluice; } }
}
CONF
  "$NGINX" -t -p "$run/nginx" -c "$run/nginx/nginx.conf" > "$logs/nginx-test.log" 2>&1 \
    || die "nginx rejected its configuration: $(cat "$logs/nginx-test.log")"
  start nginx "$logs/nginx.log" "$NGINX" -p "$run/nginx" -c "$run/nginx/nginx.conf" -g 'daemon off;'
  wait_for nginx 10 port_busy "$NGINX_DIRECT_PORT"
  sleep 0.5
  NGINX_PIDS="${PID_OF[nginx]}$(pgrep -P "${PID_OF[nginx]}" | sed 's/^/,/' | tr -d '\n')"
}

set_latency() {
  curl -sf -o /dev/null -X PUT -H 'content-type: application/json' -d "{\"latencyMs\":$1}" \
    "http://127.0.0.1:$SIM_PORT/_sim/faults" || die "cannot set provider-sim latency"
}

# run_target TARGET LATENCY STREAM CONCURRENCY OUT
run_target() {
  local target=$1 lat=$2 stream=$3 c=$4 out=$5 url lb=none
  local -a procs=(--proc "sim=${PID_OF[sim]}")
  case "$target" in
    direct) url="http://127.0.0.1:$SIM_PORT/v1/chat/completions" ;;
    nginx)
      [ -n "$NGINX" ] || return 0
      url="http://127.0.0.1:$NGINX_DIRECT_PORT/v1/chat/completions"; procs+=(--proc "nginx=$NGINX_PIDS") ;;
    sluice-1)
      url=$(gw_urls 1); procs+=(--proc "gateway=$(gw_pids 1)" --proc "redis=$REDIS_SERVER_PID") ;;
    sluice-3)
      procs+=(--proc "gateway=$(gw_pids 3)" --proc "redis=$REDIS_SERVER_PID")
      if [ -n "$NGINX" ]; then
        url="http://127.0.0.1:$NGINX_LB_PORT/v1/chat/completions"; lb=nginx; procs+=(--proc "lb=$NGINX_PIDS")
      else
        url=$(gw_urls 3); lb=client
      fi ;;
  esac
  local kind=plain; [ "$stream" = true ] && kind=stream
  bench load --label "$target ${lat}ms c$c $kind" --url "$url" --concurrency "$c" --stream "$stream" \
    --warmup-s "$WARM_S" --duration-s "$DURATION_S" --auth "$CLIENT_KEY" --redis "127.0.0.1:$REDIS_PORT" \
    --clock-ticks "$TICKS" "${procs[@]}" --tag scenario=overhead --tag target="$target" --tag latencyMs="$lat" \
    --tag lb="$lb" --out "$out"
}

overhead() {
  local out="$run/overhead.jsonl"
  : > "$out"
  say "overhead: provider-sim :$SIM_PORT (2 unlimited keys), nginx, 3 gateway replicas (quota mode shared)"
  start_sim sim "$SIM_PORT" --key sk-bench-1 --key sk-bench-2 --completion-tokens 16
  [ -z "$NGINX" ] || start_nginx
  fresh_stores
  gateways 3 "$SIM_PORT" shared sk-bench-1 sk-bench-2 "$UNLIMITED_RPM" "$UNLIMITED_TPM"
  smoke "http://127.0.0.1:$SIM_PORT/v1/chat/completions" "provider-sim"
  for i in 1 2 3; do smoke "$(gw_urls "$i" | tr ',' '\n' | tail -1)" "gateway $i"; done
  [ -z "$NGINX" ] || smoke "http://127.0.0.1:$NGINX_DIRECT_PORT/v1/chat/completions" "nginx → sim"
  [ -z "$NGINX" ] || smoke "http://127.0.0.1:$NGINX_LB_PORT/v1/chat/completions" "nginx → gateways"

  say "warming the JIT of every replica (${JIT_WARM_S}s plain + ${JIT_WARM_S}s streaming, not recorded)"
  for stream in false true; do
    bench load --label "jit warm-up" --url "$(gw_urls 3)" --concurrency 48 --stream "$stream" \
      --warmup-s 0 --duration-s "$JIT_WARM_S" --auth "$CLIENT_KEY" > "$logs/jit-warmup.log"
  done

  for lat in $LATENCIES; do
    set_latency "$lat"
    for stream in false true; do
      for c in 16 64; do
        for target in direct nginx sluice-1 sluice-3; do
          run_target "$target" "$lat" "$stream" "$c" "$out"
        done
      done
    done
  done

  if [ "${BENCH_PROFILE:-1}" = 1 ] && command -v jcmd >/dev/null; then
    say "profiling replica 1 with Java Flight Recorder (${PROFILE_S}s, 64 clients, non-streaming; not a measured row)"
    set_latency 0
    rm -f "$run/gw1.jfr"
    jcmd "${PID_OF[gw1]}" JFR.start name=bench settings=profile filename="$run/gw1.jfr" > "$logs/jfr.log" 2>&1
    bench load --label "profile" --url "$(gw_urls 1)" --concurrency 64 --warmup-s 0 --duration-s "$PROFILE_S" \
      --auth "$CLIENT_KEY" >> "$logs/jfr.log"
    jcmd "${PID_OF[gw1]}" JFR.stop name=bench >> "$logs/jfr.log" 2>&1
    bench profile --jfr "$run/gw1.jfr" --label "${PROFILE_S} s, 64 clients, non-streaming, upstream latency 0 ms" --out "$out"
  fi

  say "Redis round trips before the upstream call (MONITOR, 30 requests one at a time, upstream 200 ms; replicas 2, 3 stopped)"
  stop gw3; stop gw2
  set_latency 200
  bench probe-redis --label "sluice-1 probe" --url "$(gw_urls 1)" --redis "127.0.0.1:$REDIS_PORT" \
    --requests 30 --upstream-latency-ms 200 --gap-ms 300 --auth "$CLIENT_KEY" --out "$out"
  set_latency 0
  mv "$out" "$results/overhead.jsonl"
  record_cmd overhead
  stop_gateways; stop nginx; stop sim
}

# keys_file N SECRET_FORMAT RPM TPM FILE: provider keys 3..N of the sim provider as a properties file
# (keys 1 and 2 come from the command line, as in every scenario); SECRET_FORMAT is printf's, e.g. sk-os-%d
keys_file() {
  awk -v n="$1" -v fmt="$2" -v rpm="$3" -v tpm="$4" 'BEGIN { for (i = 3; i <= n; i++) {
      printf "sluice.providers.sim.keys.sim-key-%d.secret=" fmt "\n", i, i
      printf "sluice.providers.sim.keys.sim-key-%d.rpm=%d\nsluice.providers.sim.keys.sim-key-%d.tpm=%d\n", i, rpm, i, tpm } }' \
    > "$5"
}

# Overshoot: N = 1, 3, 6 replicas, 2 and 20 keys, 200 clients, the simulator enforcing on each key the
# very rpm the gateways are configured with; shared quota (Sluice) and naive local counters (contrast).
overshoot() {
  local out="$run/overshoot.jsonl" rpm=${BENCH_OVERSHOOT_RPM:-300} dir="$run/overshoot"
  local key_counts=${BENCH_OVERSHOOT_KEYS:-2 20} replica_counts=${BENCH_OVERSHOOT_REPLICAS:-1 3 6}
  : > "$out"
  mkdir -p "$dir"
  for keys in $key_counts; do
    local sim_keys=()
    for i in $(seq 1 "$keys"); do sim_keys+=(--key "sk-os-$i:rpm=$rpm"); done
    keys_file "$keys" "sk-os-%d" "$rpm" 0 "$dir/keys-$keys.properties"
    say "overshoot: provider-sim :$OS_SIM_PORT enforcing rpm=$rpm on $keys keys, 200 clients, ${OVERSHOOT_S}s per run"
    start_sim ossim "$OS_SIM_PORT" "${sim_keys[@]}" --latency-ms 50 --window rolling
    for mode in shared local; do
      for n in $replica_counts; do
        fresh_stores
        gateways "$n" "$OS_SIM_PORT" "$mode" sk-os-1 sk-os-2 "$rpm" 0 -Dquarkus.config.locations="$dir/keys-$keys.properties"
        bench overshoot --sim "http://127.0.0.1:$OS_SIM_PORT" --label "overshoot $mode ×$n, $keys keys" --url "$(gw_urls "$n")" \
          --concurrency 200 --warmup-s 0 --duration-s "$OVERSHOOT_S" --clock-ticks "$TICKS" --auth "$CLIENT_KEY" \
          --proc "gateway=$(gw_pids "$n")" --tag scenario=overshoot --tag quotaMode="$mode" --tag replicas="$n" \
          --tag keys="$keys" --out "$out"
        stop_gateways
      done
    done
    stop ossim
  done
  mv "$out" "$results/overshoot.jsonl"
  record_cmd overshoot
}

# Scale: one replica, 64 clients; 10, 1,000 and 10,000 keys, each with 1,000 tenants sending in turn
# (one client key each), and 10 keys with one tenant as the baseline: the hot path must stay flat.
scale() {
  local out="$run/scale.jsonl" dir="$run/scale" tenants=${BENCH_SCALE_TENANTS:-1000}
  : > "$out"
  mkdir -p "$dir"
  say "scale: one replica with 10, 1,000 and 10,000 keys and $tenants tenants (provider-sim :$SCALE_SIM_PORT knows every key)"
  awk 'BEGIN { printf "{\"keys\":{"; for (i = 1; i <= 10000; i++) printf "%s\"sk-scale-%05d\":{}", (i > 1 ? "," : ""), i; print "}}" }' \
    > "$dir/sim.json"
  start_sim scalesim "$SCALE_SIM_PORT" --config "$dir/sim.json"
  for run_case in "10 1" "10 $tenants" "1000 $tenants" "10000 $tenants"; do
    local n=${run_case% *} t=${run_case#* } auth
    keys_file "$n" "sk-scale-%05d" "$UNLIMITED_RPM" "$UNLIMITED_TPM" "$dir/keys-$n.properties"
    fresh_stores
    gateways 1 "$SCALE_SIM_PORT" shared sk-scale-00001 sk-scale-00002 "$UNLIMITED_RPM" "$UNLIMITED_TPM" \
      -Dquarkus.config.locations="$dir/keys-$n.properties"
    auth=(--auth "$CLIENT_KEY")
    if [ "$t" -gt 1 ]; then
      bench mint-tenants --gateway "http://127.0.0.1:${GW_PORTS[0]}" --token-file "$run/admin.token" --count "$t" \
        --out "$dir/tenant-keys.txt" > "$logs/scale-tenants.log"
      auth=(--auth-file "$dir/tenant-keys.txt")
    fi
    smoke "$(gw_urls 1)" "gateway with $n keys"
    bench load --label "scale warm-up" --url "$(gw_urls 1)" --concurrency 64 --warmup-s 0 "${auth[@]}" \
      --duration-s "$SCALE_WARM_S" > "$logs/scale-warmup.log"
    bench load --label "scale $n keys, $t tenants" --url "$(gw_urls 1)" --concurrency 64 --warmup-s 1 --duration-s "$SCALE_S" \
      "${auth[@]}" --redis "127.0.0.1:$REDIS_PORT" --clock-ticks "$TICKS" --proc "gateway=$(gw_pids 1)" \
      --tag scenario=scale --tag keys="$n" --tag tenants="$t" --tag latencyMs=0 --out "$out"
    stop_gateways
  done
  mv "$out" "$results/scale.jsonl"
  record_cmd scale
  stop scalesim
}

# What one failover hop adds: replica 1 routes to the simulator only; replica 2 routes to a
# provider that answers 500 at once, then to the same simulator. Breaker, passive health and the
# prober are set never to take the failing provider out, so every request through replica 2 makes
# exactly one hop (checked on a request's x-sluice-attempts before measuring).
failover() {
  local out="$run/failover.jsonl" rounds=2
  : > "$out"
  say "failover: 'bad' (:$BAD_SIM_PORT) answers 500 at once; replica 1 routes sim, replica 2 routes bad then sim"
  start_sim sim "$SIM_PORT" --key sk-bench-1 --key sk-bench-2 --completion-tokens 16
  start_sim badsim "$BAD_SIM_PORT" --key sk-bench-1 --key sk-bench-2 --server-error-rate 1
  fresh_stores
  gateway gw1 "${GW_PORTS[0]}" "$SIM_PORT" shared sk-bench-1 sk-bench-2 "$UNLIMITED_RPM" "$UNLIMITED_TPM"
  wait_ready gw1 "${GW_PORTS[0]}"
  gateway gw2 "${GW_PORTS[1]}" "$SIM_PORT" shared sk-bench-1 sk-bench-2 "$UNLIMITED_RPM" "$UNLIMITED_TPM" \
    -Dsluice.route=bad,sim -Dsluice.providers.bad.base-url="http://127.0.0.1:$BAD_SIM_PORT/v1" \
    -Dsluice.providers.bad.models=gpt-4o-mini \
    -Dsluice.providers.bad.keys.bad-key-1.secret=sk-bench-1 -Dsluice.providers.bad.keys.bad-key-1.rpm="$UNLIMITED_RPM" \
    -Dsluice.providers.bad.keys.bad-key-1.tpm="$UNLIMITED_TPM" \
    -Dsluice.health.breaker-volume=100000000 -Dsluice.health.passive.min-calls=1000000000 \
    -Dsluice.health.probe-interval=1h
  wait_ready gw2 "${GW_PORTS[1]}"
  mint_client_key "$SIM_PORT"
  smoke "$(gw_urls 1)" "replica 1"
  local attempts
  attempts=$(curl -s -o /dev/null -D - -H 'content-type: application/json' -H "authorization: Bearer $CLIENT_KEY" \
    -d '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}' \
    "http://127.0.0.1:${GW_PORTS[1]}/v1/chat/completions" | tr -d '\r' | sed -n 's/^x-sluice-attempts: *//Ip')
  [ "$attempts" = 2 ] || die "replica 2 should fail over once per request, x-sluice-attempts was '$attempts'"

  say "warming the JIT of both replicas (${JIT_WARM_S}s each, not recorded)"
  for i in 1 2; do
    bench load --label "jit warm-up" --url "http://127.0.0.1:${GW_PORTS[$((i - 1))]}/v1/chat/completions" \
      --concurrency 16 --warmup-s 0 --duration-s "$JIT_WARM_S" --auth "$CLIENT_KEY" > "$logs/jit-warmup.log"
  done
  for c in 1 16; do
    for round in $(seq 1 "$rounds"); do
      for i in 1 2; do
        local target=no-failover; [ "$i" = 2 ] && target=one-hop
        bench load --label "failover $target c$c round $round" \
          --url "http://127.0.0.1:${GW_PORTS[$((i - 1))]}/v1/chat/completions" --concurrency "$c" \
          --warmup-s "$WARM_S" --duration-s "$DURATION_S" --auth "$CLIENT_KEY" --proc "gateway=${PID_OF[gw$i]}" \
          --tag scenario=failover --tag target="$target" --tag round="$round" --out "$out"
      done
    done
  done
  mv "$out" "$results/failover.jsonl"
  record_cmd failover
  stop_gateways; stop badsim; stop sim
}
