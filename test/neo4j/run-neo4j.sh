#!/usr/bin/env bash
# Watchdog around the test Neo4j JVM (started by test/neo4j/server.ts): no orphans.
#   run-neo4j.sh OWNER_PID PID_FILE CLEANUP_DIR java ARGS...
# Runs `java ARGS...`, writes its pid to PID_FILE, and stops it (SIGTERM, then SIGKILL after 15 s) as soon as
# OWNER_PID (the node process that started it) is gone; then removes CLEANUP_DIR if one is given (may be "").
# When the JVM exits by itself (stop(), kill()), the watchdog exits with the JVM's status.
set -u
owner="$1"
pid_file="$2"
cleanup_dir="$3"
shift 3

"$@" </dev/null &
jvm=$!
echo "$jvm" >"$pid_file.tmp" && mv "$pid_file.tmp" "$pid_file"

stop_jvm() {
  kill -TERM "$jvm" 2>/dev/null
  for _ in $(seq 1 150); do
    kill -0 "$jvm" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$jvm" 2>/dev/null
  wait "$jvm" 2>/dev/null
  if [ -n "$cleanup_dir" ]; then rm -rf -- "$cleanup_dir"; fi
}
trap 'stop_jvm; exit 143' TERM INT HUP

while kill -0 "$jvm" 2>/dev/null; do
  if ! kill -0 "$owner" 2>/dev/null; then
    stop_jvm
    exit 0
  fi
  sleep 1 &
  wait $! 2>/dev/null
done
wait "$jvm"
