#!/usr/bin/env bash
# Builds Parley and the bench, runs every benchmark scenario against a freshly started server on H2 and on
# MariaDB (127.0.0.1:3306, root, no password), and regenerates docs/BENCHMARKS.md and the charts in
# docs/bench/ from the JSON results. Takes about 35 minutes on 2 cores.
#
#   bench/run-suite.sh                       the whole suite at the sizes in docs/BENCHMARKS.md
#   bench/run-suite.sh --databases=h2        any bench option is passed on (see BenchMain), e.g.
#   bench/run-suite.sh --scenarios=S2 --S2.users=500
set -euo pipefail
cd "$(dirname "$0")/.."

# S1 holds 10,000 and then 19,000 connections; the server and the bench (each a process of its own, the
# server started by the bench inherits this limit) need a file descriptor per connection, plus their own files.
ulimit -n "$(ulimit -Hn)" || true
echo "open files limit: $(ulimit -n)"
# The most S1 connections the limit allows, leaving 1,000 descriptors for each process's other files.
S1_MOST=$(( $(ulimit -n) > 11000 ? $(ulimit -n) - 1000 : 10000 ))

mvn -B -q -DskipTests package
# Run a copy, so that rebuilding meanwhile does not pull classes from under the running bench.
mkdir -p bench/target/suite && cp bench/target/parley-bench.jar bench/target/suite/parley-bench.jar

java -Xmx3g -jar bench/target/suite/parley-bench.jar suite \
  --jar=server/target/parley-server.jar \
  --databases=h2,mariadb \
  --scenarios=S1,S2,S3,S4,S5 \
  --out=docs/bench \
  --work=bench/target/suite \
  --server-jvm="-Xms1g -Xmx1g -XX:+AlwaysPreTouch" \
  --jfr-scenario=S2,S3 \
  --S1.connections="10000,$S1_MOST" --S1.source-ips=2 --S1.hold-seconds=30 \
  --S2.users=1000 --S2.friends=10 --S2.window=8 --S2.warmup-seconds=20 --S2.closed-seconds=40 --S2.paced-seconds=30 --S2.paced-warmup-seconds=10 --S2.sweep=0.25,0.125 \
  --S3.members=500,1000,2000 --S3.senders=10 --S3.step-seconds=10 \
  --S4.cases=1000x1:50,10000x100:500 --S4.rounds=5 \
  --S5.connections=2000 --S5.seconds=60 \
  "$@"

java -jar bench/target/suite/parley-bench.jar page --results=docs/bench --out=docs/BENCHMARKS.md
