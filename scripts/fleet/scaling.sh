#!/usr/bin/env bash
# Fleet scaling figures for the README (not part of the product or of `mvn verify`): the Spark job in local mode
# on fleets of 4, 16 and 64 machines of 160 real IMS test 2 snapshots each (hard links into one unpacked copy; each
# machine a different 160-file stretch of the run), at local[1] and local[2], next to the single-machine command line
# (`score`, one process per machine, as a user would loop over them) on the same files.
#
#   scripts/fleet/scaling.sh <ims-test2-dir> <model.bwm> [work-dir] [sizes]
#
# Builds what it needs (the app's jar for the CLI, the fleet module and its classpath) on its first run.
set -euo pipefail
ims="$(cd "$1" && pwd)"
model="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
work="${3:-/tmp/bw-fleet-scaling}"
sizes="${4:-4 16 64}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
files=(); while IFS= read -r f; do files+=("$f"); done < <(ls "$ims" | sort)
n=${#files[@]}
mkdir -p "$work"
cp_file="$work/fleet.classpath"
if [ ! -s "$cp_file" ]; then
  (cd "$root" && mvn -B -q -pl src/fleet -am package dependency:build-classpath -DskipTests \
    -Dmdep.includeScope=compile -Dmdep.outputFile="$cp_file" >/dev/null)
fi
cp="$root/src/fleet/target/classes:$(cat "$cp_file")"
opens="$(sed -n 's:.*<spark.jvm.opens>\(.*\)</spark.jvm.opens>.*:\1:p' "$root/src/fleet/pom.xml")"

make_fleet() { # $1 machines -> $work/fleet-$1
  local m=$1 dir="$work/fleet-$1"
  [ -d "$dir" ] && return
  for ((k = 0; k < m; k++)); do
    local start=$(( (k * 53) % (n - 160) )) mdir
    mdir="$dir/$(printf 'machine-%03d' "$k")"
    mkdir -p "$mdir"
    for ((i = start; i < start + 160; i++)); do ln "$ims/${files[$i]}" "$mdir/${files[$i]}"; done
  done
}

job() { # $1 machines, $2 master -> seconds (wall, JVM start included)
  local out="$work/out-$1-${2//[^0-9a-z]/}" t0 t1
  rm -rf "$out"
  t0=$(date +%s.%N)
  # shellcheck disable=SC2086
  java -Xmx6g $opens -cp "$cp" org.bearingworkbench.fleet.FleetJob "$work/fleet-$1" --model "$model" -o "$out" \
    --master "$2" > "$work/job-$1-${2//[^0-9a-z]/}.log" 2>&1
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc
}

cli() { # $1 machines -> seconds for `score` on each machine in turn
  local t0 t1 d
  t0=$(date +%s.%N)
  for d in "$work/fleet-$1"/machine-*; do
    java -jar "$root/target/bearing-workbench.jar" score "$d" --model "$model" -o "$work/cli-report.csv" 2>/dev/null
  done
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc
}

printf '%-9s %-7s %12s %12s %12s %9s %12s\n' machines files "local[1] s" "local[2] s" "speedup" "CLI s" "files/s [2]"
for m in $sizes; do
  make_fleet "$m"
  one=$(job "$m" "local[1]")
  two=$(job "$m" "local[2]")
  c=$(cli "$m")
  printf '%-9s %-7s %12.1f %12.1f %12.2f %9.1f %12.0f\n' "$m" $((m * 160)) "$one" "$two" \
    "$(echo "$one / $two" | bc -l)" "$c" "$(echo "$m * 160 / $two" | bc -l)"
done
