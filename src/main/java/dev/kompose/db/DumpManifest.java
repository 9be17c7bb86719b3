package dev.kompose.db;

import dev.kompose.json.JsonText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The manifest beside a dump, {@code <dumpfile>.manifest.json} (schema {@value #SCHEMA}, described in
 * docs/json.md): what the dump holds and how to prove it, the row counts taken in the dump's own
 * snapshot. Written atomically (a temporary file renamed into place); read by db:verify.
 */
public record DumpManifest(String stack, String database, String file, long size, String sha256, String format,
        String server, String client, String started, String ended, List<String> hooks, Map<String, Long> tables) {
    public static final String SCHEMA = "kompose.manifest/1";

    public DumpManifest {
        hooks = List.copyOf(hooks);
        tables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    }

    /** Where the manifest of dumpFile lives. */
    public static Path pathFor(Path dumpFile) {
        return dumpFile.resolveSibling(dumpFile.getFileName() + RemoveDumpStage.MANIFEST_SUFFIX);
    }

    /** The document, field by field in a stable order. */
    public Map<String, Object> document() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("schema", SCHEMA);
        document.put("stack", stack);
        document.put("database", database);
        document.put("file", file);
        document.put("size", size);
        document.put("sha256", sha256);
        document.put("format", format);
        document.put("server", server);
        document.put("client", client);
        document.put("started", started);
        document.put("ended", ended);
        document.put("hooks", hooks);
        document.put("tables", tables);
        return document;
    }

    /** Writes it beside dumpFile: a temporary file, flushed, then renamed over the final name in one step. */
    public Path writeBeside(Path dumpFile) throws IOException {
        Path target = pathFor(dumpFile);
        Path temporary = target.resolveSibling(target.getFileName() + DumpFiles.PARTIAL_SUFFIX);
        try {
            Files.writeString(temporary, JsonText.line(document()) + "\n", StandardCharsets.UTF_8);
            try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(temporary,
                    java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Reads the manifest of dumpFile.
     *
     * @throws IOException when it is missing, unreadable, of another schema or malformed
     */
    public static DumpManifest readFor(Path dumpFile) throws IOException {
        Path path = pathFor(dumpFile);
        if (!Files.isRegularFile(path)) {
            throw new IOException("no manifest " + path.getFileName() + " beside the dump");
        }
        try {
            Map<?, ?> document = (Map<?, ?>) JsonText.read(Files.readString(path, StandardCharsets.UTF_8).strip());
            if (!SCHEMA.equals(document.get("schema"))) {
                throw new IOException(path.getFileName() + " is not a " + SCHEMA + " document");
            }
            Map<String, Long> tables = new LinkedHashMap<>();
            ((Map<?, ?>) document.get("tables")).forEach((name, rows) -> tables.put((String) name, ((Number) rows).longValue()));
            List<String> hooks = new ArrayList<>();
            ((List<?>) document.get("hooks")).forEach(hook -> hooks.add((String) hook));
            return new DumpManifest(text(document, "stack"), text(document, "database"), text(document, "file"),
                    ((Number) document.get("size")).longValue(), text(document, "sha256"), text(document, "format"),
                    text(document, "server"), text(document, "client"), text(document, "started"), text(document, "ended"),
                    hooks, tables);
        } catch (IllegalArgumentException | ClassCastException | NullPointerException malformed) {
            throw new IOException(path.getFileName() + " is malformed: " + malformed.getClass().getSimpleName());
        }
    }

    private static String text(Map<?, ?> document, String field) {
        Object value = document.get(field);
        return value == null ? "" : value.toString();
    }

    /** The SHA-256 of a file, in lower-case hex. */
    public static String sha256Of(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException missing) {
            throw new IOException("SHA-256 is not available", missing);
        }
        byte[] buffer = new byte[1 << 20];
        try (InputStream input = Files.newInputStream(file)) {
            for (int read = input.read(buffer); read >= 0; read = input.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
