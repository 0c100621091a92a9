#!/bin/sh
# The browser suites in two streams side by side, each driving one browser at a time: the rest of
# the Chromium suite (about 17 minutes) then a third of Chromium's gate-route table, beside the
# Firefox suite (about 14) then the other two thirds (the table is about 12 in all). Run one after
# the other they would take 43 minutes; CI must stay under 35 in all. Both builds are made first,
# one after the other: two WXT builds at once would write the same .wxt folder. The second stream's
# logs are printed after the first stream's.
set -u
cd "$(dirname "$0")/.."
npx wxt build >/dev/null || exit 1
npx wxt build -b firefox --mv3 >/dev/null || exit 1
mkdir -p test-output
ff_log=test-output/e2e-firefox.log
routes_log=test-output/e2e-gate-routes.log
codes=test-output/e2e-stream-codes
ROUTES=test/e2e/gate-routes.e2e.test.ts
# A codes file left by an earlier run must not stand in for this one's (a stream that dies writes none).
rm -f "$codes" test-output/gate-routes.shard-*.json
(
  npm run --silent test:e2e:firefox >"$ff_log" 2>&1
  ff=$?
  PRECHECK_ROUTE_SHARD=1,2/3 PRECHECK_SKIP_BUILD=1 npx vitest run -c vitest.e2e.config.ts "$ROUTES" >"$routes_log" 2>&1
  echo "$ff $?" >"$codes"
) &
stream=$!
PRECHECK_SKIP_BUILD=1 npx vitest run -c vitest.e2e.config.ts --exclude "$ROUTES"
chromium=$?
echo "---- Chromium gate routes, first third ----"
PRECHECK_ROUTE_SHARD=0/3 PRECHECK_SKIP_BUILD=1 npx vitest run -c vitest.e2e.config.ts "$ROUTES"
routes_a=$?
wait "$stream"
read -r ff routes <"$codes" || { ff=1; routes=1; }
echo "---- Chromium gate routes, the other two thirds ($routes_log) ----"
cat "$routes_log"
echo "---- Firefox e2e ($ff_log) ----"
cat "$ff_log"
echo "e2e: Chromium exit $chromium, Chromium gate routes exit $routes_a and $routes, Firefox exit $ff"
[ "$chromium" -eq 0 ] && [ "$routes_a" -eq 0 ] && [ "$routes" -eq 0 ] && [ "$ff" -eq 0 ]
