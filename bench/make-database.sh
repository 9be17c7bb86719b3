#!/usr/bin/env bash
# Creates the benchmark database with pgbench: bench/make-database.sh NAME SCALE [PARTITIONS]
# (scale 40 ≈ 600 MB on disk, ≈ 390 MB of plain dump; scale 100 ≈ 1.5 GB / 980 MB). With
# PARTITIONS > 1, pgbench_accounts is split into that many tables, so that a parallel restore
# has more than one large table to load at once.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
eval "$("$here/server.sh" env)"
name="${1:?database name}"
scale="${2:-40}"
partitions="${3:-0}"
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)" -c "CREATE DATABASE \"$name\""
options=(-i -q -s "$scale")
(( partitions > 1 )) && options+=(--partitions="$partitions")
pgbench "${options[@]}" "$name" 2>&1 | tail -1
psql -X -At -d "$name" -c "SELECT pg_size_pretty(pg_database_size(current_database()))"
