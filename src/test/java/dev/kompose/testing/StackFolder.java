package dev.kompose.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds a stacks root for tests: stacks with a compose file, a .env and an optional hooks.sh. */
public final class StackFolder {
    private final Path root;

    public StackFolder(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** A database stack whose compose file runs postgres and whose .env points at the test server. */
    public Path databaseStack(String name, PostgresServer server, String database) throws IOException {
        Path folder = plainStack(name);
        Files.writeString(folder.resolve(".env"), server.envLines(database));
        return folder;
    }

    public Path plainStack(String name) throws IOException {
        Path folder = Files.createDirectories(root.resolve(name));
        Files.writeString(folder.resolve("compose.yaml"), "services:\n  db:\n    image: postgres:16-alpine\n");
        return folder;
    }

    public Path stackWithoutDatabase(String name) throws IOException {
        Path folder = Files.createDirectories(root.resolve(name));
        Files.writeString(folder.resolve("compose.yaml"), "services:\n  web:\n    image: nginx:alpine\n");
        return folder;
    }

    /** A database stack pointing at a port where nothing listens (for dry-run and failure tests). */
    public Path databaseStackWithoutServer(String name) throws IOException {
        Path folder = plainStack(name);
        Files.writeString(folder.resolve(".env"), "DB_HOST=127.0.0.1\nDB_PORT=1\nDB_USER=app\nDB_NAME=app\n");
        return folder;
    }

    public Path hooks(String stack, String script) throws IOException {
        return Files.writeString(root.resolve(stack).resolve("hooks.sh"), script);
    }

    public Path env(String stack, String text) throws IOException {
        return Files.writeString(root.resolve(stack).resolve(".env"), text);
    }
}
