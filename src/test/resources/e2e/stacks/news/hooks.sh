#!/usr/bin/env bash
# Hooks for the Directus stand-in stack, written like the seed's example (hooks-system.md):
# pre_db_export takes a schema snapshot with docker exec, pre_db_import applies it,
# post_db_import restarts the api container. Each hook checks that its container is running
# first, looking it up by its compose labels (works with docker compose v2 and docker-compose v1,
# whose container names differ). Each step is also recorded in schema/events.log so the e2e
# tests can check the order.

record() { echo "$*" >>"schema/events.log"; }

running_container() {
    docker ps -q \
        --filter "label=com.docker.compose.project=${COMPOSE_PROJECT_NAME}" \
        --filter "label=com.docker.compose.service=$1" \
        --filter "status=running" 2>/dev/null | head -n 1
}

# What the live database holds right now (the marker row), read inside the db container.
live_marker() {
    local db
    db="$(running_container db)"
    [[ -n "$db" ]] || { echo "db-not-running"; return 0; }
    docker exec "$db" psql -U "$DB_USER" -d "$DB_NAME" -tAc "SELECT note FROM marker WHERE id = 1" 2>/dev/null \
        || echo "no-marker"
}

hook_pre_up() {
    record "hook pre_up $*"
}

hook_post_up() {
    local api
    api="$(running_container api)"
    record "hook post_up $* api=${api:+running}"
}

# Export schema before database export. Not critical: without a running api the dump still runs.
hook_pre_db_export() {
    local api
    api="$(running_container api)"
    if [[ -z "$api" ]]; then
        echo "  api container is not running: skipping the schema snapshot"
        record "hook pre_db_export skipped"
        return 0
    fi
    echo "  Exporting application schema..."
    record "hook pre_db_export"
    timeout 60 docker exec "$api" directus schema snapshot --yes ./schema/schema.yaml || return 1
}

hook_post_db_export() {
    record "hook post_db_export $(basename "$1")"
}

# Apply schema before database import. Critical: data without its schema is not imported.
hook_pre_db_import() {
    local dump_file="$1" api
    api="$(running_container api)"
    if [[ -z "$api" ]]; then
        echo "  api container is not running: cannot apply the schema for $(basename "$dump_file")" >&2
        record "hook pre_db_import refused"
        return 1
    fi
    echo "  Applying schema snapshot..."
    record "hook pre_db_import $(basename "$dump_file") live=$(live_marker)"
    timeout 60 docker exec "$api" directus schema apply --yes ./schema/schema.yaml || return 1
}

# Restart service after import. Nothing to restart when it is not running.
hook_post_db_import() {
    local dump_file="$1" api
    api="$(running_container api)"
    record "hook post_db_import $(basename "$dump_file") live=$(live_marker)"
    if [[ -z "$api" ]]; then
        echo "  api container is not running: nothing to restart"
        return 0
    fi
    echo "  Restarting application..."
    timeout 60 docker restart "$api" >/dev/null || return 1
}
