package dev.kompose.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which service is the PostgreSQL server, decided from facts built without any file. */
class ComposeFactsTest {
    private static final ComposeService DATABASE = ComposeService.of("db", "postgres:16");
    private static final ComposeService EXPORTER = ComposeService.of("metrics", "prometheuscommunity/postgres-exporter");
    private static final ComposeService WEB = ComposeService.of("web", "nginx");

    @Test
    void theOnlyCandidateIsChosen() {
        ComposeFacts facts = ComposeFacts.of("", List.of(WEB, DATABASE, EXPORTER));

        assertEquals(List.of(DATABASE), facts.postgresCandidates());
        PostgresServiceChoice choice = facts.postgresService(null);
        PostgresServiceChoice.Chosen chosen = assertInstanceOf(PostgresServiceChoice.Chosen.class, choice);
        assertEquals(DATABASE, chosen.service());
        assertFalse(chosen.namedByDatabaseServiceSetting());
        assertEquals("db", choice.describe());
    }

    @Test
    void noCandidateIsNone() {
        ComposeFacts facts = ComposeFacts.of("", List.of(WEB, EXPORTER));

        assertInstanceOf(PostgresServiceChoice.None.class, facts.postgresService(""));
        assertEquals("none", facts.postgresService(" ").describe());
    }

    @Test
    void twoCandidatesAreAmbiguousUntilDatabaseServiceSaysWhich() {
        ComposeService replica = ComposeService.of("replica", "bitnami/postgresql:16");
        ComposeFacts facts = ComposeFacts.of("", List.of(DATABASE, replica));

        assertEquals("ambiguous: db, replica", facts.postgresService(null).describe());
        PostgresServiceChoice.Chosen chosen = assertInstanceOf(PostgresServiceChoice.Chosen.class, facts.postgresService("replica"));
        assertEquals(replica, chosen.service());
        assertTrue(chosen.namedByDatabaseServiceSetting());
    }

    @Test
    void databaseServiceSettlesItWhateverTheImage() {
        ComposeService custom = ComposeService.of("store", "registry.example.com/acme/our-db:3");
        ComposeFacts facts = ComposeFacts.of("", List.of(WEB, custom));

        assertEquals(custom, assertInstanceOf(PostgresServiceChoice.Chosen.class, facts.postgresService(" store ")).service());
        assertEquals("DB_SERVICE=stor is not a service of the compose file (services: web, store)",
                facts.postgresService("stor").describe());
    }

    @Test
    void theContainerEnvironmentIsTheEnvFilesThenEnvironmentOverThem() {
        ComposeService service = new ComposeService("db", "postgres", "postgres", "", List.of(),
                Map.of("POSTGRES_USER", "from-environment"),
                List.of(new ComposeEnvFile("db.env", true, true, Map.of("POSTGRES_USER", "from-file", "POSTGRES_DB", "shop")),
                        ComposeEnvFile.notRead("optional.env", false)));

        assertEquals(Map.of("POSTGRES_USER", "from-environment", "POSTGRES_DB", "shop"), service.containerEnvironment());
    }

    @Test
    void portsInShortSyntax() {
        assertEquals(new ComposePort("", "", "5432", "tcp"), ComposePort.parse("5432"));
        assertEquals(new ComposePort("", "5433", "5432", "tcp"), ComposePort.parse("5433:5432"));
        assertEquals(new ComposePort("127.0.0.1", "5433", "5432", "udp"), ComposePort.parse("127.0.0.1:5433:5432/udp"));
        assertEquals(new ComposePort("::1", "5433", "5432", "tcp"), ComposePort.parse("[::1]:5433:5432"));
        assertFalse(ComposePort.parse("5432").isPublished());
        assertTrue(ComposePort.parse("127.0.0.1::5432").hostIp().equals("127.0.0.1"));
    }
}
