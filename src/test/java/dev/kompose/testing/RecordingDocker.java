package dev.kompose.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A stand-in {@code docker} (and {@code docker-compose}) on the PATH for black-box tests of the
 * compose pass-through: it records its arguments, folder and a few variables, one line each, and
 * exits as told (DOCKER_FAIL_IN_STACK=name fails in that stack's folder; COMPOSE_PLUGIN=missing
 * makes {@code docker compose version} fail). With RECORD_SECRET_OF=NAME it also writes the bytes
 * of variable NAME, in hex, one line per call, to {@link #secretRecords()} (never the value itself).
 * {@code docker ps} prints the file DOCKER_PS_OUTPUT names (docker's JSON lines) and records the
 * engine it was pointed at (DOCKER_HOST, "context NAME", or an empty line) in {@link #engineCalls()}.
 */
public final class RecordingDocker {
    private static final String SCRIPT = """
            #!/usr/bin/env bash
            {
              printf '%s' "$(basename "$0")"; printf ' [%s]' "$@"; printf ' in=%s' "$(basename "$PWD")"
              printf ' FOO=%s NETWORK_NAME=%s PROJECT=%s\\n' "${FOO-unset}" "${NETWORK_NAME-unset}" "${COMPOSE_PROJECT_NAME-unset}"
            } >> "$RECORD_LOG"
            if [[ -n "${RECORD_SECRET_OF:-}" ]]; then
              printf '%s' "${!RECORD_SECRET_OF-}" | od -An -tx1 | tr -d ' \n' >> "$RECORD_LOG.secret"; echo >> "$RECORD_LOG.secret"
            fi
            if [[ "$(basename "$0")" == docker && "$1" == ps ]]; then
              printf '%s\n' "${DOCKER_HOST:-${DOCKER_CONTEXT:+context $DOCKER_CONTEXT}}" >> "$RECORD_LOG.engines"
              [[ -n "${DOCKER_PS_OUTPUT:-}" ]] && cat "$DOCKER_PS_OUTPUT"; exit 0
            fi
            if [[ "$(basename "$0")" == docker && "$1" == compose && "$2" == version ]]; then
              [[ "${COMPOSE_PLUGIN:-present}" == missing ]] && { echo "docker: 'compose' is not a docker command." >&2; exit 1; }
              echo "Docker Compose version v2.99.0-recording"; exit 0
            fi
            if [[ -n "${DOCKER_FAIL_IN_STACK:-}" && "$(basename "$PWD")" == "$DOCKER_FAIL_IN_STACK" ]]; then
              echo "recording docker: failing in $DOCKER_FAIL_IN_STACK" >&2; exit 1
            fi
            echo "recording docker ran: $*"
            """;

    private final Path folder;
    private final Path log;

    public RecordingDocker(Path folder) throws IOException {
        this.folder = Files.createDirectories(folder);
        this.log = folder.resolve("record.log");
        for (String name : List.of("docker", "docker-compose")) {
            Path script = folder.resolve(name);
            Files.writeString(script, SCRIPT);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /** The folder holding the stand-in docker and docker-compose scripts. */
    public Path folder() {
        return folder;
    }

    /** A kompose process with this docker first on the PATH. */
    public KomposeProcess kompose() {
        return new KomposeProcess().environment("PATH", folder + ":" + System.getenv("PATH"))
                .environment("RECORD_LOG", log.toString());
    }

    public List<String> calls() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    /** The hex bytes of the RECORD_SECRET_OF variable, one line per call. */
    public List<String> secretRecords() throws IOException {
        Path file = Path.of(log + ".secret");
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    /** One line per {@code docker ps}: the DOCKER_HOST or "context NAME" it asked, empty for the local engine. */
    public List<String> engineCalls() throws IOException {
        Path file = Path.of(log + ".engines");
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    /** The recorded calls other than the plugin probe. */
    public List<String> composeCalls() throws IOException {
        return calls().stream().filter(line -> !line.startsWith("docker [compose] [version]")).toList();
    }
}
