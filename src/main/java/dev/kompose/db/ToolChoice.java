package dev.kompose.db;

import dev.kompose.compose.ComposeService;
import dev.kompose.compose.PostgresServiceChoice;
import dev.kompose.stack.StackEnvironment;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a stack's pg_dump / psql / pg_restore run, and why: on the host against DB_HOST:DB_PORT,
 * or inside the stack's PostgreSQL service through {@code docker compose exec -T}; or why neither
 * can be used. Decided per stack before planning: {@link #choose} from the settings alone (pure),
 * then, for a real run, confirmed or changed by the version check ({@link ToolCheck}).
 */
public sealed interface ToolChoice {

    /** How dry-run and step-through name it: "container (DB_HOST names service db)", "host (DB_HOST=10.0.0.5)". */
    String describe();

    /**
     * The host's client tools against DB_HOST:DB_PORT.
     *
     * @param reason why, for an operator ("DB_HOST=10.0.0.5")
     * @param fallback the stack's PostgreSQL service auto may take instead when the host's client is
     *     older than the server or missing (the same server: DB_HOST is a loopback address and the
     *     service publishes DB_PORT), or null when there is none or DB_CLIENT=host
     * @param checked what the version check found ("pg_dump 15.13, server 15.13"), or "" before it ran
     */
    record Host(String reason, ComposeService fallback, String checked) implements ToolChoice {
        public Host {
            Objects.requireNonNull(reason, "reason");
            checked = Objects.requireNonNullElse(checked, "");
        }

        @Override
        public String describe() {
            return "host (" + reason + (fallback == null ? "" : "; service " + fallback.name()
                    + " if the host's client is older than the server or missing") + ")";
        }
    }

    /**
     * The tools in the stack's PostgreSQL service, over the container's local socket.
     *
     * @param service the service they run in
     * @param reason why, for an operator
     * @param checked what the version check found, or "" before it ran
     */
    record Container(ComposeService service, String reason, String checked) implements ToolChoice {
        public Container {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(reason, "reason");
            checked = Objects.requireNonNullElse(checked, "");
        }

        @Override
        public String describe() {
            return "container (" + reason + ")";
        }
    }

    /** Neither place can be used; the stack fails before anything runs, with this reason. */
    record Refused(String reason) implements ToolChoice {
        @Override
        public String describe() {
            return "none (" + reason + ")";
        }
    }

    /**
     * The choice from DB_CLIENT (auto, host or container; --db-client sets it), DB_HOST and the
     * stack's PostgreSQL service, as SPEC says: auto takes the container when the stack has a
     * PostgreSQL service and DB_HOST is unset or names that service or its container_name.
     */
    static ToolChoice choose(StackEnvironment environment, PostgresServiceChoice serviceChoice,
            List<ComposeService> postgresCandidates) {
        String setting = environment.getOrDefault("DB_CLIENT", "auto").strip().toLowerCase(Locale.ROOT);
        String host = environment.getOrDefault("DB_HOST", "");
        String port = environment.getOrDefault("DB_PORT", "5432");
        switch (setting) {
            case "host":
                return new Host("DB_CLIENT=host" + (host.isEmpty() ? "" : ", DB_HOST=" + host), null, "");
            case "container":
                if (serviceChoice instanceof PostgresServiceChoice.Chosen chosen) {
                    return new Container(chosen.service(), "DB_CLIENT=container, service " + chosen.service().name(), "");
                }
                return new Refused("DB_CLIENT=container, but " + noService(serviceChoice));
            case "auto":
                break;
            default:
                return new Refused("DB_CLIENT=" + setting + " is not one of auto, host, container");
        }
        if (serviceChoice instanceof PostgresServiceChoice.Chosen chosen) {
            ComposeService service = chosen.service();
            if (host.isEmpty()) {
                return new Container(service, "DB_HOST unset, service " + service.name(), "");
            }
            if (host.equals(service.name())) {
                return new Container(service, "DB_HOST names service " + service.name(), "");
            }
            if (!service.containerName().isEmpty() && host.equals(service.containerName())) {
                return new Container(service, "DB_HOST names container " + host + " of service " + service.name(), "");
            }
            return new Host("DB_HOST=" + host, sameServer(service, host, port) ? service : null, "");
        }
        if (serviceChoice instanceof PostgresServiceChoice.Ambiguous ambiguous) {
            for (ComposeService candidate : postgresCandidates) {
                if (host.equals(candidate.name()) || (!candidate.containerName().isEmpty() && host.equals(candidate.containerName()))) {
                    return new Container(candidate, "DB_HOST names service " + candidate.name(), "");
                }
            }
            if (host.isEmpty()) {
                return new Refused(noService(ambiguous));
            }
        }
        if (serviceChoice instanceof PostgresServiceChoice.UnknownService unknown) {
            return new Refused(unknown.describe());
        }
        return new Host(host.isEmpty() ? "no PostgreSQL service in the compose file, DB_HOST unset: localhost"
                : serviceChoice instanceof PostgresServiceChoice.None ? "DB_HOST=" + host + ", no PostgreSQL service"
                : "DB_HOST=" + host, null, "");
    }

    private static String noService(PostgresServiceChoice choice) {
        if (choice instanceof PostgresServiceChoice.Ambiguous ambiguous) {
            return "the compose file has " + ambiguous.serviceNames().size() + " PostgreSQL services ("
                    + String.join(", ", ambiguous.serviceNames()) + ") and DB_SERVICE does not say which one: set"
                    + " DB_SERVICE=<service> in the stack's .env";
        }
        if (choice instanceof PostgresServiceChoice.UnknownService unknown) {
            return unknown.describe();
        }
        return "the compose file has no PostgreSQL service (set DB_SERVICE=<service>)";
    }

    /** DB_HOST is a loopback address and the service publishes DB_PORT: the host tools reach this very service. */
    private static boolean sameServer(ComposeService service, String host, String port) {
        boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
        return loopback && service.ports().stream().anyMatch(published -> published.published().equals(port));
    }
}
