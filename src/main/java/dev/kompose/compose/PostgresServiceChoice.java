package dev.kompose.compose;

import java.util.List;
import java.util.Objects;

/**
 * Which service of a compose file is the PostgreSQL server to use: {@code DB_SERVICE} when it is
 * set, else the one service whose image is PostgreSQL.
 */
public sealed interface PostgresServiceChoice {

    /** How the choice reads in listings and messages, e.g. "db" or "ambiguous: db, replica". */
    String describe();

    /**
     * The service to use.
     *
     * @param service the service
     * @param namedByDatabaseServiceSetting true when DB_SERVICE named it, false when it is the only candidate
     */
    record Chosen(ComposeService service, boolean namedByDatabaseServiceSetting) implements PostgresServiceChoice {
        public Chosen {
            Objects.requireNonNull(service, "service");
        }

        @Override
        public String describe() {
            return service.name();
        }
    }

    /** No DB_SERVICE and no service with a PostgreSQL image. */
    record None() implements PostgresServiceChoice {
        @Override
        public String describe() {
            return "none";
        }
    }

    /**
     * Several services have PostgreSQL images and DB_SERVICE does not say which one to use.
     *
     * @param serviceNames the candidates, in file order
     */
    record Ambiguous(List<String> serviceNames) implements PostgresServiceChoice {
        public Ambiguous {
            serviceNames = List.copyOf(serviceNames);
        }

        @Override
        public String describe() {
            return "ambiguous: " + String.join(", ", serviceNames);
        }
    }

    /**
     * DB_SERVICE names a service the compose file does not have.
     *
     * @param databaseService the DB_SERVICE value
     * @param serviceNames the services the file has, in file order
     */
    record UnknownService(String databaseService, List<String> serviceNames) implements PostgresServiceChoice {
        public UnknownService {
            Objects.requireNonNull(databaseService, "databaseService");
            serviceNames = List.copyOf(serviceNames);
        }

        @Override
        public String describe() {
            return "DB_SERVICE=" + databaseService + " is not a service of the compose file"
                    + (serviceNames.isEmpty() ? "" : " (services: " + String.join(", ", serviceNames) + ")");
        }
    }
}
