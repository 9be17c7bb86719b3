package dev.kompose.compose;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What kompose knows about a stack's compose file, read once: the declared project name, the
 * services, and the problems met reading it. A file that could not be read or parsed gives facts
 * with no services and a problem that says why (file and line where the parser knows them).
 *
 * @param projectName the top-level {@code name:} as written (may hold ${} references), or "" when there is none
 * @param services the services in file order
 * @param problems what went wrong reading the file, each "file:line: message" or "file: message"; empty when all went well
 */
public record ComposeFacts(String projectName, List<ComposeService> services, List<String> problems) {

    public ComposeFacts {
        projectName = Objects.requireNonNullElse(projectName, "");
        services = List.copyOf(services);
        problems = List.copyOf(problems);
    }

    /** Facts of a file read without problems, for tests and planners. */
    public static ComposeFacts of(String projectName, List<ComposeService> services) {
        return new ComposeFacts(projectName, services, List.of());
    }

    /** Facts of a file that could not be read or parsed. */
    public static ComposeFacts unreadable(String problem) {
        return new ComposeFacts("", List.of(), List.of(problem));
    }

    /** Facts with no name, services or problems. */
    public static ComposeFacts empty() {
        return new ComposeFacts("", List.of(), List.of());
    }

    /** The service with this name, if the file has one. */
    public Optional<ComposeService> service(String name) {
        return services.stream().filter(service -> service.name().equals(name)).findFirst();
    }

    /** The services whose image is a PostgreSQL server image, in file order. */
    public List<ComposeService> postgresCandidates() {
        return services.stream().filter(ComposeService::hasPostgresImage).toList();
    }

    /**
     * The PostgreSQL service to use: the one DB_SERVICE names (whatever its image), else the only
     * candidate; otherwise none, ambiguous or an unknown name, as a typed result.
     *
     * @param databaseService the stack's DB_SERVICE value; null or blank when it is not set
     * @return the choice
     */
    public PostgresServiceChoice postgresService(String databaseService) {
        List<String> names = services.stream().map(ComposeService::name).toList();
        if (databaseService != null && !databaseService.isBlank()) {
            String wanted = databaseService.strip();
            return service(wanted).<PostgresServiceChoice>map(found -> new PostgresServiceChoice.Chosen(found, true))
                    .orElseGet(() -> new PostgresServiceChoice.UnknownService(wanted, names));
        }
        List<ComposeService> candidates = postgresCandidates();
        if (candidates.isEmpty()) {
            return new PostgresServiceChoice.None();
        }
        if (candidates.size() > 1) {
            return new PostgresServiceChoice.Ambiguous(candidates.stream().map(ComposeService::name).toList());
        }
        return new PostgresServiceChoice.Chosen(candidates.get(0), false);
    }
}
