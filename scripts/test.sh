#!/usr/bin/env bash
# Runs every test on a fresh machine: installs what the tests need (Debian's Chromium, PostgreSQL
# binaries when missing, dotnet tools), starts a throwaway PostgreSQL cluster as an unprivileged
# user on a free loopback port, checks that migrations cover the model for both providers, then
# runs `dotnet test` over the whole solution. Cleans up after itself.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=""
apt_install() {
  [ -n "$apt_updated" ] || { as_root apt-get update -qq; apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

echo "== Prerequisites"
[ -x /usr/bin/chromium ] || { echo "Installing Debian's Chromium for browser tests..."; apt_install chromium; }
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
[ -x "$PG_BIN/initdb" ] || { echo "Installing PostgreSQL..."; apt_install postgresql; PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1); }
dotnet tool restore >/dev/null
# The JSON Schema test generates answers with json-schema-faker (an independent tool), from npm.
(cd tests/tools && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
# The bookings browser test reads the served .ics with Mozilla's ical.js (an independent parser).
(cd tests/Madoguchi.BrowserTests/Bookings/ical && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

echo "== Throwaway PostgreSQL"
pg_user=$(id -un)
if [ "$(id -u)" = 0 ]; then
  pg_user=postgres
  id -u postgres >/dev/null 2>&1 || as_root useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
fi
run_pg() { if [ "$(id -u)" = 0 ]; then su "$pg_user" -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
pg_dir=$(mktemp -d /tmp/madoguchi-pg.XXXXXX)
chmod 755 "$pg_dir"
[ "$(id -u)" = 0 ] && chown "$pg_user" "$pg_dir"
pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
cleanup() {
  run_pg "$PG_BIN/pg_ctl -D $pg_dir/data -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap cleanup EXIT
run_pg "$PG_BIN/initdb -D $pg_dir/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
run_pg "$PG_BIN/pg_ctl -D $pg_dir/data -l $pg_dir/pg.log -o \"-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off\" -w start" >/dev/null
# Test hosts never edit their files: no file watchers (Linux allows 128 inotify instances per user, and a test
# process starts dozens of hosts; the app processes of the crash tests inherit this too).
export DOTNET_hostBuilder__reloadConfigOnChange=false DOTNET_USE_POLLING_FILE_WATCHER=true
export MADOGUCHI_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Pooling=true"
echo "PostgreSQL on 127.0.0.1:$pg_port"

echo "== Build"
dotnet build Madoguchi.slnx -warnaserror -nologo -clp:ErrorsOnly

echo "== Migrations cover the model (SQLite and PostgreSQL)"
scripts/migrations.sh check

echo "== Tests"
log="$pg_dir/test.log"
# Three streams of test projects side by side: the unit tests, the browser tests, and every other test project of the
# solution one after another (integration first, the longest of them). Each project alone leaves part of the two cores
# idle while it waits on a browser, a database or a timer; four at once starved the browser tests. `dotnet test
# --solution` with three modules at a time started the short architecture and bench projects first (its own order),
# so the unit tests, the longest project, began only after one of those had finished and ended the run last.
# A hang fails its test project after 40 minutes with a report, instead of silently eating CI's time.
test_args=("$@")
others=$(grep -oE 'Path="[^"]*Tests\.csproj"' Madoguchi.slnx | sed -E 's/^Path="(.*)"$/\1/' \
  | grep -vE '/Madoguchi\.(Tests|BrowserTests)\.csproj$' | awk '/IntegrationTests/ {print; next} {rest = rest $0 "\n"} END {printf "%s", rest}')
run_stream() {
  local name=$1 status=0 project
  shift
  for project in "$@"; do
    dotnet test --project "$project" --no-build --timeout 40m "${test_args[@]}" >>"$pg_dir/stream-$name.log" 2>&1 || status=$?
  done
  return "$status"
}
set +e
run_stream unit tests/Madoguchi.Tests/Madoguchi.Tests.csproj & unit=$!
run_stream browser tests/Madoguchi.BrowserTests/Madoguchi.BrowserTests.csproj & browser=$!
# shellcheck disable=SC2086 # one project path per word
run_stream others $others & rest=$!
status=0
for stream in "$rest:others" "$unit:unit" "$browser:browser"; do
  wait "${stream%%:*}" || status=$?
done
for name in others unit browser; do
  echo "== Test output: $name"
  cat "$pg_dir/stream-$name.log"
done | tee "$log"
set -e
passed=$(grep -E '^\s+succeeded: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -E '^\s+failed: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -E '^\s+skipped: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
if [ "$failed" != 0 ]; then
  # CI keeps only the end of the output, and a failed test's captured app log can be thousands of
  # lines: repeat each failure's name and message (without its log) last.
  echo "== Failures"
  awk '/^failed /{on=1; n=0} on && /Standard output|Standard error/{on=0} on{print; if (++n >= 40) on=0}' "$log"
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
