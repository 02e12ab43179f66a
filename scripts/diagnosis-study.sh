#!/usr/bin/env bash
# The measured comparison behind docs/decisions/0023-diagnosis-by-defect-pattern.md: band choices and significance
# thresholds on synthetic runs (leave one operating condition out) and on the MFPT files in ../shared (leave one file
# out). Not part of the product or the default build; about three minutes on two cores.
#   scripts/diagnosis-study.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q install -DskipTests -pl src/core
mvn -B -q test -pl src/core -Dtest=DiagnosisStudy -Dbw.study=true -Dsurefire.failIfNoSpecifiedTests=false
grep -v SLF4J src/core/target/surefire-reports/org.bearingworkbench.signal.diagnosis.DiagnosisStudy-output.txt
