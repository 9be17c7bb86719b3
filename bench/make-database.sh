#!/usr/bin/env bash
# Creates the benchmark database with pgbench: bench/make-database.sh NAME SCALE
# (scale 40 ≈ 600 MB on disk, ≈ 400 MB of plain dump; scale 80 ≈ 1.2 GB / 800 MB).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
eval "$("$here/server.sh" env)"
name="${1:?database name}"
scale="${2:-40}"
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)" -c "CREATE DATABASE \"$name\""
pgbench -i -q -s "$scale" "$name" 2>&1 | tail -1
psql -X -At -d "$name" -c "SELECT pg_size_pretty(pg_database_size(current_database()))"
