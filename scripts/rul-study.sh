#!/usr/bin/env bash
# Leave-one-bearing-out on the six PRONOSTIA learning bearings in ../shared (docs/prognosis.md, decision 0024):
# learn from five, cut the sixth at 60, 70, 80 and 90% of its life, print each forecast beside the actual remaining
# life, the PHM 2012 score, the 90% band's coverage and its median width. Not part of the product; about a minute.
#   scripts/rul-study.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q install -DskipTests -pl src/core
mvn -B -q test -pl src/core -Dtest=LeaveOneBearingOutTest -Dsurefire.failIfNoSpecifiedTests=false
grep -v SLF4J src/core/target/surefire-reports/org.bearingworkbench.pipeline.prognosis.LeaveOneBearingOutTest-output.txt
