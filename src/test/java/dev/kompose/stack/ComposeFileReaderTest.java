package dev.kompose.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.compose.ComposeEnvFile;
import dev.kompose.compose.ComposeFacts;
import dev.kompose.compose.ComposePort;
import dev.kompose.compose.ComposeService;
import dev.kompose.compose.PostgresServiceChoice;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compose files read with a real YAML parser: the facts kompose needs, and problems instead of exceptions. */
class ComposeFileReaderTest {
    @TempDir
    Path folder;

    private ComposeFacts read(String text, Map<String, String> environment) throws IOException {
        Path file = Files.writeString(folder.resolve("compose.yaml"), text);
        return ComposeFileReader.read(file, environment::get);
    }

    private ComposeFacts read(String text) throws IOException {
        return read(text, Map.of());
    }

    @Test
    void servicesImagesContainerNamesAndProjectName() throws IOException {
        ComposeFacts facts = read("""
                name: shop-${STAGE:-dev}
                services:
                  web:
                    image: nginx:alpine
                    ports: ["8080:80", {target: 443, published: "8443", host_ip: 127.0.0.1}, 9000]
                  db:
                    image: postgres:16-alpine
                    container_name: ${STAGE:-dev}_db
                    ports:
                      - "127.0.0.1:${DB_PORT:-5432}:5432"
                """, Map.of("DB_PORT", "5433"));

        assertEquals(List.of(), facts.problems());
        assertEquals("shop-${STAGE:-dev}", facts.projectName());
        assertEquals(List.of("web", "db"), facts.services().stream().map(ComposeService::name).toList());
        assertEquals(List.of(new ComposePort("", "8080", "80", "tcp"), new ComposePort("127.0.0.1", "8443", "443", "tcp"),
                new ComposePort("", "", "9000", "tcp")), facts.service("web").orElseThrow().ports());
        ComposeService database = facts.service("db").orElseThrow();
        assertEquals("dev_db", database.containerName());
        assertEquals(List.of(new ComposePort("127.0.0.1", "5433", "5432", "tcp")), database.ports());
        assertEquals(List.of(database), facts.postgresCandidates());
    }

    @Test
    void anInterpolatedImageIsResolvedBeforeRecognition() throws IOException {
        String text = "services:\n  db:\n    image: ${PG_IMAGE:-postgres:16}\n  tool:\n    image: $TOOL_IMAGE\n";

        ComposeService byDefault = read(text).service("db").orElseThrow();
        assertEquals("${PG_IMAGE:-postgres:16}", byDefault.imageAsWritten());
        assertEquals("postgres:16", byDefault.image());
        assertTrue(byDefault.hasPostgresImage());

        ComposeFacts overridden = read(text, Map.of("PG_IMAGE", "nginx", "TOOL_IMAGE", "pgvector/pgvector:pg17"));
        assertEquals(List.of("tool"), overridden.postgresCandidates().stream().map(ComposeService::name).toList());
    }

    @Test
    void environmentInMapAndListFormWithDollarEscape() throws IOException {
        ComposeFacts facts = read("""
                services:
                  db:
                    image: postgres
                    environment:
                      POSTGRES_USER: ${DB_USER:-app}
                      POSTGRES_PASSWORD:
                      POSTGRES_DB: shop
                      PGPORT: 5433
                      COST: $$5
                  web:
                    image: nginx
                    environment:
                      - DATABASE_URL=postgres://${DB_USER}@db/shop
                      - FROM_STACK
                      - NOT_SET_ANYWHERE
                      - EMPTY=
                """, Map.of("DB_USER", "alice", "POSTGRES_PASSWORD", "secret", "FROM_STACK", "yes"));

        assertEquals(List.of(), facts.problems());
        assertEquals(Map.of("POSTGRES_USER", "alice", "POSTGRES_PASSWORD", "secret", "POSTGRES_DB", "shop",
                "PGPORT", "5433", "COST", "$5"), facts.service("db").orElseThrow().environment());
        assertEquals(Map.of("DATABASE_URL", "postgres://alice@db/shop", "FROM_STACK", "yes", "EMPTY", ""),
                facts.service("web").orElseThrow().environment());
    }

    @Test
    void envFileAsStringListAndLongSyntax() throws IOException {
        Files.writeString(folder.resolve("db.env"), "POSTGRES_USER=alice\nPOSTGRES_DB=${SHOP:-shop}\n");
        Files.writeString(folder.resolve("more.env"), "POSTGRES_DB=override\n");
        ComposeFacts facts = read("""
                services:
                  one:
                    image: postgres
                    env_file: db.env
                  two:
                    image: postgres
                    env_file: [db.env, more.env]
                  three:
                    image: postgres
                    env_file:
                      - path: ./db.env
                        required: true
                      - path: ./optional.env
                        required: false
                    environment:
                      POSTGRES_USER: bob
                """);

        assertEquals(List.of(), facts.problems());
        assertEquals(List.of(new ComposeEnvFile("db.env", true, true, Map.of("POSTGRES_USER", "alice", "POSTGRES_DB", "shop"))),
                facts.service("one").orElseThrow().envFiles());
        assertEquals(Map.of("POSTGRES_USER", "alice", "POSTGRES_DB", "override"),
                facts.service("two").orElseThrow().containerEnvironment());
        ComposeService three = facts.service("three").orElseThrow();
        assertEquals(ComposeEnvFile.notRead("./optional.env", false), three.envFiles().get(1));
        assertEquals(Map.of("POSTGRES_USER", "bob", "POSTGRES_DB", "shop"), three.containerEnvironment());
    }

    @Test
    void aMissingRequiredEnvFileIsAProblem() throws IOException {
        ComposeFacts facts = read("services:\n  db:\n    image: postgres\n    env_file: missing.env\n");

        assertEquals(1, facts.services().size());
        assertEquals(List.of(folder.resolve("compose.yaml") + ": services.db.env_file: missing.env not found"), facts.problems());
    }

    @Test
    void anchorsAndMergeKeys() throws IOException {
        ComposeFacts facts = read("""
                x-database: &database
                  image: ${PG_IMAGE:-postgis/postgis:16-3.4}
                  environment: &database-environment
                    POSTGRES_USER: app
                    POSTGRES_DB: shop
                x-labels: &labels
                  container_name: from-labels
                services:
                  db:
                    <<: *database
                    container_name: shop_db
                  replica:
                    <<: [*database, *labels]
                    environment:
                      <<: *database-environment
                      POSTGRES_DB: replica
                """);

        assertEquals(List.of(), facts.problems());
        ComposeService database = facts.service("db").orElseThrow();
        assertEquals("postgis/postgis:16-3.4", database.image());
        assertEquals("shop_db", database.containerName());
        assertEquals(Map.of("POSTGRES_USER", "app", "POSTGRES_DB", "shop"), database.environment());
        ComposeService replica = facts.service("replica").orElseThrow();
        assertEquals("from-labels", replica.containerName());
        assertEquals(Map.of("POSTGRES_USER", "app", "POSTGRES_DB", "replica"), replica.environment());
        assertEquals("ambiguous: db, replica", facts.postgresService(null).describe());
    }

    @Test
    void aMalformedFileIsAProblemWithFileAndLine() throws IOException {
        ComposeFacts facts = read("services:\n  db:\n    image: postgres\n   ports: [\n");

        assertEquals(List.of(), facts.services());
        assertEquals(1, facts.problems().size());
        assertTrue(facts.problems().get(0).startsWith(folder.resolve("compose.yaml") + ":4: "), facts.problems().toString());
    }

    @Test
    void aDuplicateKeyIsAProblem() throws IOException {
        ComposeFacts facts = read("services:\n  db:\n    image: postgres\n  db:\n    image: nginx\n");

        assertEquals(List.of(), facts.services());
        assertTrue(facts.problems().get(0).contains("compose.yaml:"), facts.problems().toString());
    }

    @Test
    void emptyListAndOddlyTypedFilesDoNotCrash() throws IOException {
        Path file = folder.resolve("compose.yaml");
        assertEquals(List.of(file + ": empty compose file"), read("").problems());
        assertEquals(List.of(file + ": empty compose file"), read("# only a comment\n").problems());
        assertEquals(List.of(file + ": the file is a list, expected a mapping"), read("- services\n- db\n").problems());
        assertEquals(List.of(file + ": the file is a scalar, expected a mapping"), read("just text\n").problems());
        assertEquals(List.of(file + ": services is a list, expected a mapping"), read("services: [db]\n").problems());

        ComposeFacts odd = read("""
                name: 42
                services:
                  broken: text
                  empty:
                  db:
                    image: [postgres]
                    ports: 5432
                    environment: {A: [1, 2], B: true}
                    env_file: {path: x}
                  7:
                    image: postgres:16
                """);
        assertEquals("42", odd.projectName());
        assertEquals(List.of("empty", "db", "7"), odd.services().stream().map(ComposeService::name).toList());
        assertEquals(Map.of("A", "", "B", "true"), odd.service("db").orElseThrow().environment());
        assertEquals(List.of(file + ": services.broken is a scalar, expected a mapping",
                file + ": services.db.image is a list, expected text",
                file + ": services.db.ports is a scalar, expected a list",
                file + ": services.db.environment.A is a list, expected text",
                file + ": services.db.env_file is a mapping, expected a list"), odd.problems());
        assertInstanceOf(PostgresServiceChoice.Chosen.class, odd.postgresService(null));
    }

    @Test
    void aFileWithOnlyIncludeHasNoServicesAndNoProblem() throws IOException {
        ComposeFacts facts = read("include:\n  - db/compose.yaml\n  - path: ../common/compose.yaml\n");

        assertEquals(List.of(), facts.services());
        assertEquals(List.of(), facts.problems());
        assertInstanceOf(PostgresServiceChoice.None.class, facts.postgresService(null));
    }

    @Test
    void aliasBombsUnknownTagsAndDeepNestingAreProblems() throws IOException {
        StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int level = 1; level < 30; level++) {
            bomb.append("a").append(level).append(": &a").append(level).append(" [");
            for (int copy = 0; copy < 10; copy++) {
                bomb.append(copy == 0 ? "" : ", ").append("*a").append(level - 1);
            }
            bomb.append("]\n");
        }
        assertEquals(1, read(bomb.toString()).problems().size());
        assertTrue(read("services:\n  db: !custom {image: postgres}\n").problems().get(0).contains("compose.yaml:2: "));
        assertEquals(1, read("services: " + "[".repeat(20_000) + "\n").problems().size());
        assertTrue(read("services:\n  db:\n    image: ${PG_IMAGE:?set PG_IMAGE}\n").problems().get(0)
                .endsWith("services.db.image: required variable PG_IMAGE is missing a value: set PG_IMAGE"));
    }

    @Test
    void unreadableFilesAreProblems() throws IOException {
        Path missing = folder.resolve("nothing.yaml");
        assertEquals(List.of(missing + ": no such file"), ComposeFileReader.read(missing, name -> null).problems());
        Path binary = Files.write(folder.resolve("binary.yaml"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 0x41});
        assertEquals(List.of(binary + ": not UTF-8 text"), ComposeFileReader.read(binary, name -> null).problems());
        Path directory = Files.createDirectories(folder.resolve("folder.yaml"));
        assertTrue(ComposeFileReader.read(directory, name -> null).problems().get(0).startsWith(directory + ": cannot read"));
        Path large = Files.writeString(folder.resolve("large.yaml"),
                "x: " + "a".repeat((int) ComposeFileReader.MAXIMUM_FILE_BYTES) + "\n", StandardCharsets.UTF_8);
        assertTrue(ComposeFileReader.read(large, name -> null).problems().get(0).contains("not read"));
    }

    @Test
    void fileAfterFileOnOneThreadEachIsReadAloneAlsoAfterABrokenOne() throws IOException {
        // the reading thread keeps its YAML loader from file to file; nothing of one file may reach the next
        ComposeFacts broken = read("services:\n  db: {image: [unclosed\n");
        assertTrue(broken.problems().get(0).contains("compose.yaml:"), broken.problems().toString());
        ComposeFacts duplicate = read("services:\n  db:\n    image: a\n    image: b\n");
        assertFalse(duplicate.problems().isEmpty());
        for (int round = 0; round < 3; round++) {
            ComposeFacts clean = read("name: shop\nservices:\n  web:\n    image: nginx:1.27\n");
            assertEquals(List.of(), clean.problems());
            assertEquals("shop", clean.projectName());
            assertEquals(List.of("web"), clean.services().stream().map(ComposeService::name).toList());
        }
    }
}
