#!/bin/sh
# The Chromium and the Firefox e2e suites side by side: each drives one browser at a time and spends
# much of its time waiting on pages, so together they take little longer than the Chromium suite alone
# (CI must stay under 35 minutes). Both builds are made first, one after the other: two WXT builds at
# once would write the same .wxt folder. The Firefox log is printed after the Chromium one.
set -u
cd "$(dirname "$0")/.."
npx wxt build >/dev/null || exit 1
npx wxt build -b firefox --mv3 >/dev/null || exit 1
mkdir -p test-output
log=test-output/e2e-firefox.log
npm run --silent test:e2e:firefox >"$log" 2>&1 &
firefox=$!
npm run --silent test:e2e
chromium=$?
wait "$firefox"
ff=$?
echo "---- Firefox e2e ($log) ----"
cat "$log"
echo "e2e: Chromium exit $chromium, Firefox exit $ff"
[ "$chromium" -eq 0 ] && [ "$ff" -eq 0 ]
