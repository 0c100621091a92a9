#!/bin/sh
# The browser suites in four processes side by side, each driving one browser at a time. Measured in
# the clean-clone CI run of a00d085 (2026-12-06, minutes): the rest of the Chromium suite 27.7; the
# Firefox suite 27.7; the files that mostly wait (the probes' settling), then three quarters of
# Chromium's gate-route table 10.2 + 18.4; a ticket's two-minute expiry, nearly all waiting, then
# cms-gate, cms-list-publish, teach, collector and cms-control 17.4, then the table's last quarter
# 5.7 — in all 33.2 with the 5.3 before the browsers. So the fourth process now also runs
# gate-extra-routes (taken from the first) and three eighths of the table, the third five eighths.
# Run of db020f7 (2026-12-06): Firefox, walking TinyMCE on one route per kind, 21.0; the Chromium
# rest 25.5; the ticket's stream 19.4 + 6.6; the waiting one 10.7 + 14.5; 33.5 in all with 7 before.
# So cms-control and managed-policy (4.4 minutes) now run in the Firefox process after its suite.
# The eleventh and twelfth probes' files (2026-12-06): gate-parsed-loads (about 4 minutes) runs in the
# Firefox process too, gate-late-base-and-cache (1) beside the ticket's expiry. A fifth process of their
# own was tried: five browsers on two cores slowed every stream by 4–6 minutes (36.5 in all). The
# thirteenth probe's gate-thirteenth-probe (about 1 minute) runs beside the ticket's expiry too.
# Clean-clone run of a5972d0 on a quiet machine (2026-12-06, minutes): 4.5 before the browsers, the
# Chromium rest 11.2, the ticket's stream 8.9 + 4.2, the waiting one 6.7 + 8.3, Firefox 10.5 + 4.5:
# 19.5 in all (the stop's run of the same commit took 36.7, a slower or busier machine). Then the
# probe harness ran each case on both hosts at once (the probe files a third to a half faster), so
# the thirteenth probe's file, cms-control and managed-policy moved to the Chromium rest, the lightest.
# Run of 4c6b0cc, quiet (with the thirteenth and the Firefox probes' files): 19.0 min — Chromium rest
# 13.1, the ticket's stream 8.4 + 4.8, the waiting one 4.2 + 9.3, Firefox 12.4 + 3.2.
# Run one after the other they would take 80 minutes; CI must stay under 35 in all. Both builds are
# made first, one after the other: two WXT builds at once would write the same .wxt folder. The
# processes' logs are printed one after the other once all are done, and the failed tests last of all.
set -u
cd "$(dirname "$0")/.."
npx wxt build >/dev/null || exit 1
npx wxt build -b firefox --mv3 >/dev/null || exit 1
mkdir -p test-output
ff_log=test-output/e2e-firefox.log
routes_log=test-output/e2e-gate-routes.log
codes=test-output/e2e-stream-codes
ROUTES=test/e2e/gate-routes.e2e.test.ts
WAITS=test/e2e/ticket-expiry.e2e.test.ts
READ_ONCE=test/e2e/gate-read-once.e2e.test.ts
BUILT_INS=test/e2e/gate-built-ins.e2e.test.ts
waits_log=test-output/e2e-waits.log
# A codes file left by an earlier run must not stand in for this one's (a stream that dies writes none).
rm -f "$codes" "$codes.waits" "$codes.ff" test-output/gate-routes.shard-*.json
# The ticket's two minutes are spent waiting, not working: that file runs in a process of its own,
# with six files of the Chromium suite's after it, then three eighths of the route table.
BESIDE="test/e2e/cms-gate.e2e.test.ts test/e2e/cms-list-publish.e2e.test.ts test/e2e/teach.e2e.test.ts test/e2e/collector.e2e.test.ts test/e2e/gate-extra-routes.e2e.test.ts test/e2e/gate-late-base-and-cache.e2e.test.ts test/e2e/gate-fourteenth-probe.e2e.test.ts test/e2e/gate-sixteenth-probe.e2e.test.ts"
# After its suite the Firefox process walks one eighth of Chromium's route table; gate-parsed-loads
# runs with the waiting files: each stream then holds 13.7–14.4 of 55.4 minutes (the run of 4c6b0cc),
# where Firefox's with gate-parsed-loads held 15.6.
# Measured then (5b121b6, quiet): 18.4 min — Chromium rest 13.3, Firefox 12.0 + 1.7, the waiting
# stream 7.9 + 7.1, the ticket's 8.5 + 4.8.
# 95ed9fe (2026-12-06, four new gate files in the Chromium rest): 20.2 min — Chromium rest 16.1, the
# ticket's 7.9 + 4.8, the waiting 7.7 + 7.2, Firefox 11.8 + 1.8: the fourteenth probe (1.6) moved beside
# the ticket's expiry.
PARSED_LOADS=test/e2e/gate-parsed-loads.e2e.test.ts
# The sixteenth probe (2026-12-06 night, ~3.5 minutes in Chromium, many trusted clicks) runs beside the
# ticket's expiry with the fourteenth.
# b584c68's run (2026-12-06, loaded by a helper's browser): Chromium rest 17.3, the ticket's 12.1 + 4.9,
# the waiting 8.0 + 8.7, Firefox 14.2 + 1.8: the fifteenth probe (55 cases, ~3 min) runs after Firefox's
# route shard, in the stream with the most room.
# 4cef59c's run: 20.9 min — Chromium rest 14.8, the ticket's 10.2 + 4.4, the waiting 7.6 + 7.3, Firefox
# 12.5 + 5.2. Firefox's own fifteenth probe (48 cases, ~4 min) now runs in its suite, so Chromium's
# fifteenth probe runs after the waiting stream's route quarters instead.
LATE_WAITS=test/e2e/gate-fifteenth-probe.e2e.test.ts
# The seventeenth probe (2026-12-06 night, 115 rows, ~20 minutes measured whole on a loaded machine
# before its two hosts were driven at once) is run in halves (PRECHECK_P17_PART): the signed path on the
# routes page with the Chromium rest, the CMS fixtures' and list pages' rows after the waiting stream's
# route quarters. The sixteenth runs beside the ticket's expiry; Firefox's sixteenth in its suite.
# Then in three parts (measured loaded: ~15 s a signed row): the send-twice and ID-added rows with the
# Chromium rest, the routes page's other rows after the ticket's route eighths, the pages after the
# waiting stream's; Firefox's read-once moved from the ticket's stream to the waiting one.
SEVENTEENTH=test/e2e/gate-seventeenth-probe.e2e.test.ts
# The Chromium probes' cases run in Firefox too (2026-12-06, nine files, ~17 minutes measured on a
# loaded machine; 4f76c6a's run, loaded: Chromium rest 17.9, the ticket's 12.5 + 5.2, the waiting
# 8.4 + 12.5, Firefox 20.0 + 1.6). The Firefox suite keeps the three shortest; the others run in the
# Chromium streams after their own files, so that each stream holds about a quarter (~24 minutes
# loaded): parsed-loads and shadow-trees after the Chromium rest, read-once and built-ins after the
# ticket's, the thirteenth and fourteenth probes after the waiting stream's.
FF_AFTER_REST="test/e2e-firefox/gate-parsed-loads.e2e.test.ts test/e2e-firefox/gate-shadow-trees.e2e.test.ts"
# 26a3012's run (2026-12-07, 35.3 min: too long): ticket's stream 27.4 after the browsers started, the
# waiting 31.4, Chromium rest 30.2, Firefox 31.8 — so Firefox's read-once goes back to the ticket's
# stream, and the route table's fifth eighth from Firefox's stream to the ticket's.
# a0bb39e's run (2026-12-07, loaded by unit tests run beside it: 38.4 min): the ticket's stream ended
# 34 min after the browsers started, Firefox's 27.7 — Firefox's read-once back to Firefox's stream.
FF_AFTER_TICKET="test/e2e-firefox/gate-built-ins.e2e.test.ts"
FF_AFTER_WAITS="test/e2e-firefox/gate-thirteenth-probe.e2e.test.ts test/e2e-firefox/gate-fourteenth-probe.e2e.test.ts"
ff_elsewhere=""
for f in $FF_AFTER_REST $FF_AFTER_TICKET $FF_AFTER_WAITS; do ff_elsewhere="$ff_elsewhere --exclude $f"; done
# Firefox files run by a Chromium stream: its log gets them after its own (exit code ANDed in).
ff_files() { PRECHECK_SKIP_BUILD=1 npx vitest run -c vitest.e2e-firefox.config.ts "$@"; }
expiry_log=test-output/e2e-ticket-expiry.log
(
  # shellcheck disable=SC2086 # BESIDE is a list of paths without spaces
  PRECHECK_SKIP_BUILD=1 npx vitest run -c vitest.e2e.config.ts "$WAITS" $BESIDE >"$expiry_log" 2>&1
  expiry=$?
  PRECHECK_ROUTE_SHARD=4,5,6,7/8 PRECHECK_SKIP_BUILD=1 npx vitest run -c vitest.e2e.config.ts "$ROUTES" >"$routes_log" 2>&1
  routes=$?
  PRECHECK_P17_PART=signed2 PRECHECK_SKIP_BUILD=1 npx vitest run -c vitest.e2e.config.ts "$SEVENTEENTH" >>"$routes_log" 2>&1
  routes=$((routes | $?))
  # shellcheck disable=SC2086 # a list of paths without spaces
  ff_files $FF_AFTER_TICKET >>"$routes_log" 2>&1
  echo "$expiry $((routes | $?))" >"$codes"
) &
expiring=$!
(
  PRECHECK_SKIP_BUILD=1 npx vitest run -c vitest.e2e.config.ts "$READ_ONCE" "$BUILT_INS" "$PARSED_LOADS" >"$waits_log" 2>&1
  waits=$?
  PRECHECK_ROUTE_SHARD=0,1,2,3/8 PRECHECK_SKIP_BUILD=1 npx vitest run -c vitest.e2e.config.ts "$ROUTES" "$LATE_WAITS" >>"$waits_log" 2>&1
  routes_a=$?
  PRECHECK_P17_PART=pages PRECHECK_SKIP_BUILD=1 npx vitest run -c vitest.e2e.config.ts "$SEVENTEENTH" >>"$waits_log" 2>&1
  routes_a=$((routes_a | $?))
  # shellcheck disable=SC2086 # a list of paths without spaces
  ff_files $FF_AFTER_WAITS >>"$waits_log" 2>&1
  echo "$waits $((routes_a | $?))" >"$codes.waits"
) &
waiting=$!
(
  # shellcheck disable=SC2086 # a list of options and paths without spaces
  PRECHECK_SKIP_BUILD=1 npx vitest run -c vitest.e2e-firefox.config.ts $ff_elsewhere >"$ff_log" 2>&1
  ff=$?
  echo "$ff 0" >"$codes.ff"
) &
firefox=$!
chromium_log=test-output/e2e-chromium.log
exclude=""
for f in $BESIDE $LATE_WAITS; do exclude="$exclude --exclude $f"; done
# shellcheck disable=SC2086 # exclude is a list of options and paths without spaces
PRECHECK_P17_PART=signed PRECHECK_SKIP_BUILD=1 npx vitest run -c vitest.e2e.config.ts --exclude "$ROUTES" --exclude "$WAITS" --exclude "$READ_ONCE" --exclude "$BUILT_INS" --exclude "$PARSED_LOADS" $exclude >"$chromium_log" 2>&1
chromium=$?
# shellcheck disable=SC2086 # a list of paths without spaces
ff_files $FF_AFTER_REST >>"$chromium_log" 2>&1
chromium=$((chromium | $?))
wait "$firefox"
wait "$waiting"
wait "$expiring"
read -r ff after_ff <"$codes.ff" || { ff=1; after_ff=1; }
read -r expiry routes <"$codes" || { expiry=1; routes=1; }
read -r waits routes_a <"$codes.waits" || { waits=1; routes_a=1; }
echo "---- Chromium, the rest, then two Firefox probe files ($chromium_log) ----"
cat "$chromium_log"
echo "---- Chromium, a ticket's expiry and six files of the suite ($expiry_log) ----"
cat "$expiry_log"
echo "---- Chromium, the waiting files, gate-parsed-loads, half of the gate routes, the fifteenth probe and half the seventeenth, then two Firefox probe files ($waits_log) ----"
cat "$waits_log"
echo "---- Chromium gate routes, the last three eighths, then two Firefox probe files ($routes_log) ----"
cat "$routes_log"
echo "---- Firefox e2e ($ff_log) ----"
cat "$ff_log"
# CI keeps only the end of what was printed: the failures are named again here, last.
echo "---- failed tests, every stream ----"
cat "$chromium_log" "$expiry_log" "$waits_log" "$routes_log" "$ff_log" | sed 's/\x1b\[[0-9;]*m//g' | grep -a -E "^ *(FAIL|×|✗) " | sort -u | head -60
echo "e2e: Chromium exit $chromium (with its Firefox files), ticket expiry and its files exit $expiry, waiting files exit $waits, Chromium gate routes and their Firefox files exit $routes_a and $routes, Firefox exit $ff, its eighth of the Chromium gate routes exit $after_ff"
[ "$chromium" -eq 0 ] && [ "$expiry" -eq 0 ] && [ "$waits" -eq 0 ] && [ "$routes_a" -eq 0 ] && [ "$routes" -eq 0 ] && [ "$ff" -eq 0 ] && [ "$after_ff" -eq 0 ]
