package dev.kompose.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pg_wrapper's choice made without starting it, in a made-up Debian layout: only where that choice cannot depend on clusters. */
class PostgresWrapperShortcutTest {
    @TempDir
    Path root;
    private Path wrapper;
    private Path binaryRoot;
    private Path bin;
    private PostgresWrapperShortcut shortcut;
    private Map<String, String> environment;

    @BeforeEach
    void layout() throws IOException {
        wrapper = executable(root.resolve("share/postgresql-common/pg_wrapper"));
        binaryRoot = root.resolve("lib/postgresql");
        bin = Files.createDirectories(root.resolve("bin"));
        for (String program : List.of("psql", "pg_dump", "pg_restore")) {
            Files.createSymbolicLink(bin.resolve(program), wrapper);
        }
        executable(binaryRoot.resolve("9.6/bin/psql"));
        executable(binaryRoot.resolve("9.6/bin/pg_dump"));
        executable(binaryRoot.resolve("13/bin/psql"));
        executable(binaryRoot.resolve("15/bin/psql"));
        executable(binaryRoot.resolve("15/bin/pg_dump"));
        executable(binaryRoot.resolve("16/bin/psql")); // a newer psql alone (postgresql-client-16 without the dump tools is not a thing, a broken one is)
        Files.createDirectories(binaryRoot.resolve("README.d"));
        shortcut = new PostgresWrapperShortcut(wrapper, binaryRoot);
        environment = Map.of("PATH", root.resolve("empty") + ":" + bin);
    }

    private static Path executable(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private static CommandSpec command(String... arguments) {
        return CommandSpec.of(arguments).secret("PGPASSWORD", "s3cret").ownProcessGroup(true).build();
    }

    @Test
    void aClientNamingItsHostRunsTheNewestVersionThatHasIt() {
        CommandSpec dump = command("pg_dump", "--host=db.example", "--port=5432", "--dbname=app", "--file=/tmp/x.sql");
        CommandSpec direct = shortcut.apply(dump, environment);
        assertEquals(List.of(binaryRoot.resolve("15/bin/pg_dump").toString(), "--host=db.example", "--port=5432",
                "--dbname=app", "--file=/tmp/x.sql"), direct.arguments());
        assertEquals("/etc/postgresql-common", direct.environment().get("PGSYSCONFDIR"), "the wrapper's default for pg_service.conf");
        assertEquals("s3cret", direct.environment().get("PGPASSWORD"));
        assertEquals(dump.secretNames(), direct.secretNames());
        assertEquals(dump.ownProcessGroup(), direct.ownProcessGroup());
        assertEquals(binaryRoot.resolve("16/bin/psql").toString(),
                shortcut.apply(command("psql", "--host", "db", "--command=SELECT 1"), environment).arguments().get(0));
    }

    @Test
    void aPgsysconfdirAlreadyChosenIsKept() {
        CommandSpec direct = shortcut.apply(command("psql", "--host=db"), Map.of("PATH", bin.toString(), "PGSYSCONFDIR", "/srv/pg"));
        assertEquals(binaryRoot.resolve("16/bin/psql").toString(), direct.arguments().get(0));
        assertEquals(null, direct.environment().get("PGSYSCONFDIR"), "the child inherits the caller's own");
    }

    @Test
    void whereTheWrapperWouldConsultClustersTheCommandRunsAsWritten() {
        CommandSpec noHost = command("psql", "--port=5433", "--dbname=app");
        assertSame(noHost, shortcut.apply(noHost, environment), "a port alone picks the local cluster on it");
        CommandSpec cluster = command("psql", "--cluster", "15/main", "--host=db");
        assertSame(cluster, shortcut.apply(cluster, environment));
        CommandSpec hostAfterDashes = command("psql", "--dbname=app", "--", "--host=db");
        assertSame(hostAfterDashes, shortcut.apply(hostAfterDashes, environment));
    }

    @Test
    void clientsNotBehindTheWrapperAreLeftAlone() throws IOException {
        CommandSpec absolute = command(binaryRoot.resolve("13/bin/psql").toString(), "--host=db");
        assertSame(absolute, shortcut.apply(absolute, environment));
        Path own = executable(root.resolve("own/psql"));
        CommandSpec first = command("psql", "--host=db");
        assertSame(first, shortcut.apply(first, Map.of("PATH", own.getParent() + ":" + bin)), "the PATH's first psql is not the wrapper");
        CommandSpec missing = command("pg_restore", "--host=db");
        assertSame(missing, shortcut.apply(missing, environment), "no installed version has pg_restore: the wrapper's own error");
        CommandSpec docker = command("docker", "compose", "exec", "db", "psql", "--host=db");
        assertSame(docker, shortcut.apply(docker, environment));
    }

    @Test
    void anOldPsqlIsLeftToTheWrapperWhichPreloadsReadlineForIt() throws IOException {
        Path oldRoot = root.resolve("old");
        executable(oldRoot.resolve("12/bin/psql"));
        executable(oldRoot.resolve("12/bin/pg_dump"));
        PostgresWrapperShortcut old = new PostgresWrapperShortcut(wrapper, oldRoot);
        CommandSpec psql = command("psql", "--host=db");
        assertSame(psql, old.apply(psql, environment));
        assertEquals(oldRoot.resolve("12/bin/pg_dump").toString(),
                old.apply(command("pg_dump", "--host=db"), environment).arguments().get(0));
    }
}
