#!/usr/bin/env bash
# sqlmap (Debian package `sqlmap`) at level 2 against the login form and the JSON API (GET /api/v1/spm) of
# the production build, served by `npm run demo` on a throw-away database. Not part of `npm test` (it takes
# minutes): run `bash scripts/reliability/sqlmap.sh`; logs, traffic and a summary go to test-results/sqlmap/
# (a later Playwright run empties test-results/), the summary also into docs/reliability.md.
# Exits 1 when sqlmap reports an injection point, 0 when it finds none.
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT=${SQLMAP_PORT:-3240}
BASE=${SQLMAP_BASE_URL:-http://localhost:$PORT}
OUT=test-results/sqlmap
mkdir -p "$OUT"
command -v sqlmap > /dev/null || { echo "sqlmap is missing: apt-get install -y sqlmap" >&2; exit 2; }
command -v curl > /dev/null || { echo "curl is missing" >&2; exit 2; }

DEMO=""
DATA=""
cleanup() {
  if [ -n "$DEMO" ]; then kill -TERM -- "-$DEMO" 2> /dev/null || true; sleep 3; kill -KILL -- "-$DEMO" 2> /dev/null || true; fi
  if [ -n "$DATA" ]; then rm -rf "$DATA"; fi
}
trap cleanup EXIT

if [ -z "${SQLMAP_BASE_URL:-}" ]; then
  DATA=$(mktemp -d /tmp/pantau-sqlmap-XXXXXX)
  chmod 777 "$DATA"
  # Its own process group, so that the whole tree (npm, tsx, next, PostgreSQL) stops with it.
  PORT=$PORT PANTAU_DATA_DIR="$DATA/data" NEXTAUTH_URL="$BASE" setsid npm run demo > "$OUT/server.log" 2>&1 &
  DEMO=$!
  echo "demo server (pid $DEMO) on $BASE, data in $DATA"
  for _ in $(seq 1 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/login" || true)" = "200" ] && break
    sleep 1
  done
fi
[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/login")" = "200" ] || { echo "server did not start (see $OUT/server.log)" >&2; exit 2; }

# A CSRF token with its cookie (next-auth checks that they match), and a session for the API.
JAR=$(mktemp)
CSRF=$(curl -s -c "$JAR" "$BASE/api/auth/csrf" | sed -E 's/.*"csrfToken":"([^"]+)".*/\1/')
CSRF_COOKIE=$(awk '$6 == "next-auth.csrf-token" { print $7 }' "$JAR")
curl -s -b "$JAR" -c "$JAR" -o /dev/null "$BASE/api/auth/callback/credentials" \
  --data-urlencode "csrfToken=$CSRF" --data-urlencode "email=dinkes.serang@pantau.id" --data-urlencode "password=pantau-demo" --data "json=true"
SESSION=$(awk '$6 == "next-auth.session-token" { print $7 }' "$JAR")
rm -f "$JAR"
[ -n "$SESSION" ] || { echo "login for the API session failed" >&2; exit 2; }

run() {
  local name=$1
  shift
  echo "== sqlmap: $name"
  # A refused login answers 401 (next-auth's JSON), as does the API with a tampered cookie: not an abort reason.
  sqlmap --batch --level 2 --risk 1 --flush-session --disable-coloring --ignore-code=401 --output-dir "$OUT/$name" -t "$OUT/$name.traffic" "$@" 2>&1 | tee "$OUT/$name.log" | grep -E "testing '|parameter|injectable|identified|WARNING|CRITICAL|ERROR" || true
}

# Login form: every parameter of the POST (email and password with an unknown address, so no account is
# locked) and, at level 2, the cookies.
run login -u "$BASE/api/auth/callback/credentials" \
  --data "csrfToken=$CSRF&email=tidak.ada%40pantau.id&password=rahasia&json=true" \
  --cookie "next-auth.csrf-token=$CSRF_COOKIE"
# JSON API, logged in: wilayah, tahun, bulan and, at level 2, the session cookie.
run api -u "$BASE/api/v1/spm?wilayah=36.04&tahun=2025&bulan=6" --cookie "next-auth.session-token=$SESSION"

{
  echo "sqlmap $(sqlmap --version 2> /dev/null | head -1), level 2, risk 1, $(date -u +%Y-%m-%dT%H:%MZ)"
  for name in login api; do
    n=$(grep -c "HTTP request \[#" "$OUT/$name.traffic" 2> /dev/null) || n=${n:-0}
    requests="$n requests"
    if grep -qE "identified the following injection point|is vulnerable|parameter '.*' is '.*' injectable" "$OUT/$name.log"; then
      echo "$name: INJECTION FOUND (see $OUT/$name.log)"
    elif grep -q "all tested parameters do not appear to be injectable" "$OUT/$name.log"; then
      echo "$name: nothing found (all tested parameters do not appear to be injectable), ${requests}"
    else
      echo "$name: inconclusive (see $OUT/$name.log)"
    fi
  done
} | tee "$OUT/summary.txt"
# The summary goes into docs/reliability.md, between its sqlmap markers.
node -e '
  const fs = require("fs");
  const doc = "docs/reliability.md", b = "<!-- reliability:sqlmap:begin -->", e = "<!-- reliability:sqlmap:end -->";
  const text = fs.readFileSync(doc, "utf8"), i = text.indexOf(b), j = text.indexOf(e);
  const lines = fs.readFileSync(process.argv[1], "utf8").trim().split("\n").map((l) => "    " + l).join("\n");
  if (i >= 0 && j > i) fs.writeFileSync(doc, text.slice(0, i + b.length) + "\n" + lines + "\n" + text.slice(j));
' "$OUT/summary.txt"
! grep -qE "INJECTION FOUND|inconclusive" "$OUT/summary.txt"
