#!/usr/bin/env bash
# The benchmarks (src/bench; not part of the product): builds them once, then runs `bench <what> <data> ...`
# with the application's classes and libraries. docs/performance.md says what each one measures.
#   scripts/bench.sh import sample-data/ims-synthetic
#   scripts/bench.sh --help
set -euo pipefail
cd "$(dirname "$0")/.."
jar=src/bench/target/bearing-workbench-bench-0.1.0-SNAPSHOT.jar
if [ ! -f "$jar" ] || [ ! -f target/bearing-workbench.jar ]; then
  mvn -B -q -Pbench install -DskipTests -pl src/bench -am >&2
fi
exec java -cp "$jar:target/bearing-workbench.jar:target/lib/*" org.bearingworkbench.cli.BenchMain "$@"
