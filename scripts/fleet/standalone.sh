#!/usr/bin/env bash
# The fleet job on a real Spark standalone cluster (not part of the product or of `mvn verify`): a master and two
# workers as separate processes, started from Spark's own jars (the ones the build fetches, gathered into a
# SPARK_HOME/jars the workers build their executors' class paths from), the job submitted through spark-submit's
# class with the fleet jar; its outputs compared with local mode's and with the command line's reports. A second
# run kills one worker (and its executor) with SIGKILL in the middle of the job: its tasks run again on the other
# worker and the outputs must still be identical.
#
#   scripts/fleet/standalone.sh [machines] [work-dir]
#
# Machines are copies (hard links) of sample-data/ims-synthetic, scored with the sample bundle. Prints one line per
# run: machines, whether a worker was killed, and `identical: true|false`.
set -euo pipefail
machines="${1:-12}"
work="${2:-/tmp/bw-fleet-standalone}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
model="$root/src/core/test/resources/bundles/v1-sample.bwm"
mkdir -p "$work"
work="$(cd "$work" && pwd)"
export SPARK_HOME="$work/spark" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1

# Build: the fleet jar (with the core), its test classes (the comparison), the app's jar (the command line).
(cd "$root" && mvn -B -q -pl src/fleet -am install -DskipTests >&2)
(cd "$root" && mvn -B -q -pl src/fleet test-compile >&2)
jar="$root/src/fleet/target/bearing-workbench-fleet-0.1.0-SNAPSHOT-spark.jar"
spark_version="$(sed -n 's:.*<spark.version>\(.*\)</spark.version>.*:\1:p' "$root/src/fleet/pom.xml")"
jackson="$(sed -n 's:.*<spark.jackson.version>\(.*\)</spark.jackson.version>.*:\1:p' "$root/src/fleet/pom.xml")"
opens="$(sed -n 's:.*<spark.jvm.opens>\(.*\)</spark.jvm.opens>.*:\1:p' "$root/src/fleet/pom.xml")"
if [ ! -d "$SPARK_HOME/jars" ]; then
  mkdir -p "$work/spark-pom"
  cat > "$work/spark-pom/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local</groupId><artifactId>spark-home</artifactId><version>1</version><packaging>pom</packaging>
  <dependencyManagement><dependencies>
    <dependency><groupId>com.fasterxml.jackson.core</groupId><artifactId>jackson-databind</artifactId><version>$jackson</version></dependency>
    <dependency><groupId>com.fasterxml.jackson.core</groupId><artifactId>jackson-core</artifactId><version>$jackson</version></dependency>
    <dependency><groupId>com.fasterxml.jackson.core</groupId><artifactId>jackson-annotations</artifactId><version>$jackson</version></dependency>
  </dependencies></dependencyManagement>
  <dependencies>
    <dependency><groupId>org.apache.spark</groupId><artifactId>spark-sql_2.13</artifactId><version>$spark_version</version></dependency>
  </dependencies>
</project>
POM
  (cd "$work/spark-pom" && mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
    -DoutputDirectory="$SPARK_HOME/jars" >&2)
fi

# The fleet: machines that each hold the sample run.
fleet="$work/fleet-$machines"
if [ ! -d "$fleet" ]; then
  for ((k = 1; k <= machines; k++)); do
    mkdir -p "$fleet/machine-$(printf '%03d' "$k")"
    cp -l "$root"/sample-data/ims-synthetic/* "$fleet/machine-$(printf '%03d' "$k")/"
  done
fi

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; pkill -f "CoarseGrainedExecutorBackend.*$work" 2>/dev/null || true; }
trap cleanup EXIT

# shellcheck disable=SC2086
spark_class() { java $opens -cp "$SPARK_HOME/jars/*" "$@"; }

port=$((20000 + RANDOM % 20000))
master="spark://127.0.0.1:$port"
spark_class org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" --webui-port 0 \
  > "$work/master.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do grep -q "elected leader" "$work/master.log" && break; sleep 0.5; done
workers=()
for w in 1 2; do
  mkdir -p "$work/worker-$w"
  spark_class org.apache.spark.deploy.worker.Worker "$master" --host 127.0.0.1 --cores 1 --memory 2g \
    --work-dir "$work/worker-$w" --webui-port 0 > "$work/worker-$w.log" 2>&1 &
  pids+=($!); workers+=($!)
done
for _ in $(seq 1 120); do [ "$(grep -c 'Registering worker' "$work/master.log")" -ge 2 ] && break; sleep 0.5; done

submit() { # $1 master, $2 output
  spark_class org.apache.spark.deploy.SparkSubmit --master "$1" --conf spark.executor.memory=1g \
    --conf spark.task.maxFailures=4 --class org.bearingworkbench.fleet.FleetJob "$jar" "$fleet" --model "$model" \
    --reports -o "$2" --overwrite
}

rm -rf "$work/out-local" "$work/cli"
submit 'local[2]' "$work/out-local" > "$work/local.log" 2>&1
mkdir -p "$work/cli"
for d in "$fleet"/machine-*; do
  java -jar "$root/target/bearing-workbench.jar" score "$d" --model "$model" -o "$work/cli/$(basename "$d").csv" \
    2> /dev/null
done

compare() { # $1 output -> identical: true|false
  # shellcheck disable=SC2086
  java $opens -cp "$SPARK_HOME/jars/*:$root/src/fleet/target/test-classes:$jar" \
    org.bearingworkbench.fleet.FleetOutputsCompare "$1" "$work/out-local" "$work/cli" > "$work/compare.log" 2>&1 || true
  grep -v ' INFO \| WARN ' "$work/compare.log" | grep -v '^Using Spark' >&2
  grep -q '^identical: true' "$work/compare.log" && echo true || echo false
}

run() { # $1 kill a worker (yes|no)
  local out="$work/out-cluster-$1" killed=no t0 t1 exit
  rm -rf "$out"
  t0=$(date +%s.%N)
  submit "$master" "$out" > "$work/cluster-$1.log" 2>&1 &
  local job=$!
  if [ "$1" = yes ]; then
    # when the first machine is done, the second worker and its executor die as if the machine went down
    for _ in $(seq 1 600); do grep -q 'Finished task' "$work/cluster-$1.log" && break; sleep 0.1; done
    local wport
    wport=$(sed -n "s/.*Successfully started service 'sparkWorker' on port \([0-9]*\).*/\1/p" "$work/worker-2.log")
    kill -9 "${workers[1]}" 2>/dev/null || true
    pkill -9 -f "CoarseGrainedExecutorBackend.*Worker@127.0.0.1:$wport" 2>/dev/null || true
    killed=yes
  fi
  exit=0; wait "$job" || exit=$?
  t1=$(date +%s.%N)
  local lost
  lost=$(grep -c 'Lost task\|Lost executor\|Executor lost\|Removed executor' "$work/cluster-$1.log" || true)
  echo "job exit $exit in $(echo "$t1 - $t0" | bc) s; lost-task/executor lines in the driver log: $lost" >&2
  echo "machines $machines, worker killed: $killed, identical: $(compare "$out")"
}

run no
run yes
