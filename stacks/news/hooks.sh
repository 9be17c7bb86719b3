#!/usr/bin/env bash
# Hooks for the Directus stack, in the spirit of the kompose hooks documentation.
# They look the api container up by its compose labels (works with docker compose v2 and
# docker-compose v1) and cope with it not running.

api_container() {
    docker ps -q \
        --filter "label=com.docker.compose.project=${COMPOSE_PROJECT_NAME}" \
        --filter "label=com.docker.compose.service=api" 2>/dev/null | head -n 1
}

# Export schema before database export
hook_pre_db_export() {
    local container
    container="$(api_container)"
    if [[ -z "$container" ]]; then
        echo "  api container is not running: skipping the schema snapshot (the dump still runs)"
        return 0
    fi
    echo "  Exporting application schema..."
    timeout 120 docker exec "$container" npx directus schema snapshot --yes ./schema/schema.yaml
}

# Apply schema before database import
hook_pre_db_import() {
    local dump_file="$1" container
    container="$(api_container)"
    if [[ -z "$container" ]]; then
        echo "  api container is not running: skipping the schema apply for $(basename "$dump_file")"
        return 0
    fi
    echo "  Applying schema snapshot..."
    timeout 120 docker exec "$container" npx directus schema apply --yes ./schema/schema.yaml
}

# Restart service after import
hook_post_db_import() {
    local dump_file="$1" container
    container="$(api_container)"
    if [[ -z "$container" ]]; then
        echo "  api container is not running: nothing to restart"
        return 0
    fi
    echo "  Restarting application..."
    timeout 60 docker restart "$container" >/dev/null
}
