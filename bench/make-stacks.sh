#!/usr/bin/env bash
# make-stacks.sh DIR N — a stacks root with N database stacks (compose.yaml with postgres, .env, hooks.sh).
set -euo pipefail
dir="$1"; count="$2"
mkdir -p "$dir"
printf 'TZ=UTC\n' > "$dir/.env"
for ((i = 1; i <= count; i++)); do
  stack="$dir/$(printf 'stack%04d' "$i")"
  mkdir -p "$stack"
  printf 'services:\n  db:\n    image: postgres:16-alpine\n    ports: ["127.0.0.1:%d:5432"]\n  app:\n    image: nginx:alpine\n' $((20000 + i)) > "$stack/compose.yaml"
  printf 'DB_NAME=app%d\nDB_USER=app\nDB_PASSWORD=secret%d\nDB_PORT=%d\n' "$i" "$i" $((20000 + i)) > "$stack/.env"
  printf 'hook_pre_db_export() {\n  echo "  snapshot"\n}\nhook_post_db_import() {\n  echo "  restart"\n}\n' > "$stack/hooks.sh"
done
