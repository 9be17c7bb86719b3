#!/usr/bin/env bash
# Hooks for the Directus stack, in the spirit of the kompose hooks documentation.
# They find the api container by its compose labels (works with docker compose v2 and
# docker-compose v1) and cope with it not running: the schema steps are skipped with a note,
# so a database export or import still works while the application is down.

# Prints the id of the running api container, or nothing.
api_container() {
    docker ps -q \
        --filter "label=com.docker.compose.project=${COMPOSE_PROJECT_NAME}" \
        --filter "label=com.docker.compose.service=api" 2>/dev/null | head -n 1
}

# Runs "docker exec <api> ARGS..." with a time limit, or says why it was skipped.
in_api() {
    local container
    container="$(api_container)"
    if [[ -z "$container" ]]; then
        echo "  api container is not running: skipping '$*'"
        return 0
    fi
    timeout 120 docker exec "$container" "$@"
}

# Export schema before database export
hook_pre_db_export() {
    echo "  Exporting application schema..."
    in_api npx directus schema snapshot --yes ./schema/schema.yaml
}

# Apply schema before database import
hook_pre_db_import() {
    local dump_file="$1"
    echo "  Applying schema snapshot before restoring $(basename "$dump_file")..."
    in_api npx directus schema apply --yes ./schema/schema.yaml
}

# Restart service after import
hook_post_db_import() {
    local container
    container="$(api_container)"
    if [[ -z "$container" ]]; then
        echo "  api container is not running: nothing to restart"
        return 0
    fi
    echo "  Restarting application..."
    timeout 60 docker restart "$container" >/dev/null
}
