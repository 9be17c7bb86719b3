package dev.kompose.stack;

import dev.kompose.compose.CacheFolder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compose files as parsed before, remembered between runs: parsing YAML is most of what reading a
 * stack costs in a fresh JVM (≈ 1–3 ms for an 800-byte compose file, interpreted), decoding a
 * remembered tree a fraction of it. An entry is the file's exact bytes with the tree snakeyaml made
 * of them (before any interpolation: the stack's variables are applied after, every run), and it
 * is used only when the file's bytes are the same now — compared, not dated, so an edit in the same
 * second or a file put back with its old time is never missed. Only trees of the YAML core schema's
 * types are kept (text, numbers, booleans, null, lists, mappings, sets, binary); anything else, a
 * tree deeper than {@link #MAXIMUM_DEPTH} or larger than {@link #MAXIMUM_TREE_BYTES} encoded is
 * parsed every time.
 *
 * <p>Kept in {@code $XDG_CACHE_HOME/kompose/compose-trees/} (by default {@code ~/.cache/kompose}), one
 * file per stacks root (named after the root's folder and a hash of its path), so that a run reads
 * only the trees of the root it works on: one file for every root, a 1,000-stack root beside a
 * 10-stack one, cost the small listing ≈ 6 ms of decoding in a fresh JVM. Readable by its owner
 * only: compose files can hold passwords. One per JVM and file (the shell reads it once); written
 * after a read phase that parsed something new, by a rename, so a kompose reading it meanwhile sees
 * the old file or the new one. A file that cannot be read, is damaged or of another format is ignored
 * and replaced; one that cannot be written is simply not kept. Past {@link #MAXIMUM_ROOTS} roots the
 * least recently written files are deleted.
 */
public final class ComposeTreeCache {
    static final String FORMAT = "kompose compose-trees 1";
    static final int MAXIMUM_DEPTH = 64;
    static final int MAXIMUM_TREE_BYTES = 1 << 20;
    /** More entries than this, and a save keeps only those of its own run. */
    static final int MAXIMUM_ENTRIES = 4096;
    /** Files for more roots than this, and a save deletes the least recently written. */
    static final int MAXIMUM_ROOTS = 64;
    static final String FOLDER = "compose-trees";
    private static final Map<Path, ComposeTreeCache> BY_FILE = new ConcurrentHashMap<>();
    private static final ComposeTreeCache NONE = new ComposeTreeCache(null);

    private final Path file;
    private volatile Map<String, Entry> stored;
    private final Map<String, Entry> used = new ConcurrentHashMap<>();
    private volatile boolean changed;

    private record Entry(byte[] content, byte[] tree) {
    }

    private ComposeTreeCache(Path file) {
        this.file = file;
    }

    /** No memory: every file is parsed. */
    public static ComposeTreeCache none() {
        return NONE;
    }

    /** The memory of the stacks root's compose files in this environment's {@link CacheFolder}, or none without one. */
    public static ComposeTreeCache of(Map<String, String> environment, Path root) {
        return CacheFolder.of(environment)
                .map(folder -> BY_FILE.computeIfAbsent(folder.resolve(FOLDER).resolve(fileName(root)), ComposeTreeCache::new))
                .orElse(NONE);
    }

    /**
     * The root's file: its folder's name (for whoever looks in the cache) and the hash of its absolute
     * path. Two roots whose hashes meet share a file, which costs nothing but room: entries are keyed
     * by the compose file's absolute path and used only when its bytes are the same.
     */
    static String fileName(Path root) {
        Path absolute = root.toAbsolutePath().normalize();
        Path name = absolute.getFileName();
        String readable = name == null ? "root" : name.toString().replaceAll("[^A-Za-z0-9._-]", "_");
        return readable + "-" + Integer.toHexString(absolute.toString().hashCode());
    }

    /** The tree parsed before from exactly these bytes of composeFile, decoded afresh (the caller may keep it). */
    Optional<Object> tree(Path composeFile, byte[] content) {
        if (file == null) {
            return Optional.empty();
        }
        String key = composeFile.toAbsolutePath().toString();
        Entry entry = used.get(key);
        if (entry == null) {
            entry = stored().get(key);
        }
        if (entry == null || !Arrays.equals(entry.content(), content)) {
            return Optional.empty();
        }
        try {
            Object tree = decode(new DataInputStream(new ByteArrayInputStream(entry.tree())), 0);
            used.putIfAbsent(key, entry);
            return Optional.of(tree);
        } catch (IOException | RuntimeException damaged) {
            return Optional.empty();
        }
    }

    /** Remembers the tree parsed from content, when it is of the types kept. */
    void remember(Path composeFile, byte[] content, Object tree) {
        if (file == null) {
            return;
        }
        ByteArrayOutputStream encoded = new ByteArrayOutputStream(256);
        try {
            encode(new DataOutputStream(encoded), tree, 0);
        } catch (IOException | NotKept notKept) {
            return;
        }
        if (encoded.size() <= MAXIMUM_TREE_BYTES) {
            used.put(composeFile.toAbsolutePath().toString(), new Entry(content.clone(), encoded.toByteArray()));
            changed = true;
        }
    }

    /** Writes the memory when this run parsed something it did not hold. */
    public synchronized void save() {
        if (file == null || !changed) {
            return;
        }
        Map<String, Entry> all = new LinkedHashMap<>();
        if (stored().size() + used.size() <= MAXIMUM_ENTRIES) {
            all.putAll(stored());
        }
        all.putAll(used);
        try {
            Path folder = file.getParent();
            if (Files.isRegularFile(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(folder); // the single file of every root that kompose kept before this format
            }
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(file.getParent(), "compose-trees", ".partial",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(temporary)))) {
                    out.writeUTF(FORMAT);
                    out.writeInt(all.size());
                    for (Map.Entry<String, Entry> entry : all.entrySet()) {
                        out.writeUTF(entry.getKey());
                        writeBytes(out, entry.getValue().content());
                        writeBytes(out, entry.getValue().tree());
                    }
                }
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary); // nothing left behind when writing or moving failed
            }
            stored = all;
            used.clear();
            changed = false;
            forgetLeastRecentRoots(folder);
        } catch (IOException | RuntimeException notWritten) {
            // not kept: the next run parses again
        }
    }

    /** Deletes the least recently written roots' files past {@link #MAXIMUM_ROOTS}. */
    private void forgetLeastRecentRoots(Path folder) throws IOException {
        List<Path> files;
        try (var listing = Files.list(folder)) {
            files = listing.filter(path -> !path.getFileName().toString().endsWith(".partial")).toList();
        }
        if (files.size() <= MAXIMUM_ROOTS) {
            return;
        }
        Map<Path, java.nio.file.attribute.FileTime> written = new java.util.HashMap<>();
        for (Path path : files) {
            try {
                written.put(path, Files.getLastModifiedTime(path));
            } catch (IOException gone) {
                // removed meanwhile by another kompose
            }
        }
        written.entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .limit(Math.max(0, written.size() - MAXIMUM_ROOTS))
                .map(Map.Entry::getKey)
                .filter(path -> !path.equals(file))
                .forEach(path -> {
                    try {
                        Files.deleteIfExists(path);
                    } catch (IOException stillThere) {
                        // tried again at the next save
                    }
                });
    }

    private Map<String, Entry> stored() {
        Map<String, Entry> loaded = stored;
        if (loaded != null) {
            return loaded;
        }
        synchronized (this) {
            if (stored == null) {
                stored = load();
            }
            return stored;
        }
    }

    private Map<String, Entry> load() {
        Map<String, Entry> entries = new ConcurrentHashMap<>();
        try (InputStream input = Files.newInputStream(file)) {
            DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(input, 1 << 16));
            if (!in.readUTF().equals(FORMAT)) {
                return entries;
            }
            int count = in.readInt();
            for (int index = 0; index < count && index < MAXIMUM_ENTRIES * 2; index++) {
                String path = in.readUTF();
                entries.put(path, new Entry(readBytes(in), readBytes(in)));
            }
        } catch (IOException | RuntimeException unreadable) {
            // none remembered, or only what came before the damage
        }
        return entries;
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > ComposeFileReader.MAXIMUM_FILE_BYTES + 1) {
            throw new IOException("damaged");
        }
        return in.readNBytes(length);
    }

    /** A tree holding something the memory does not keep. */
    private static final class NotKept extends RuntimeException {
        NotKept() {
            super(null, null, false, false);
        }
    }

    private static void encode(DataOutputStream out, Object value, int depth) throws IOException {
        if (depth > MAXIMUM_DEPTH || out.size() > MAXIMUM_TREE_BYTES) {
            throw new NotKept();
        }
        if (value == null) {
            out.writeByte('N');
        } else if (value instanceof String text) {
            out.writeByte('S');
            writeBytes(out, text.getBytes(StandardCharsets.UTF_8));
        } else if (value instanceof Boolean flag) {
            out.writeByte(flag ? 'T' : 'F');
        } else if (value instanceof Integer number) {
            out.writeByte('I');
            out.writeInt(number);
        } else if (value instanceof Long number) {
            out.writeByte('L');
            out.writeLong(number);
        } else if (value instanceof BigInteger number) {
            out.writeByte('G');
            writeBytes(out, number.toByteArray());
        } else if (value instanceof Double number) {
            out.writeByte('D');
            out.writeDouble(number);
        } else if (value instanceof byte[] binary) {
            out.writeByte('Y');
            writeBytes(out, binary);
        } else if (value instanceof List<?> list) {
            out.writeByte('A');
            out.writeInt(list.size());
            for (Object item : list) {
                encode(out, item, depth + 1);
            }
        } else if (value instanceof Set<?> set) {
            out.writeByte('E');
            out.writeInt(set.size());
            for (Object item : set) {
                encode(out, item, depth + 1);
            }
        } else if (value instanceof Map<?, ?> map) {
            out.writeByte('M');
            out.writeInt(map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                encode(out, entry.getKey(), depth + 1);
                encode(out, entry.getValue(), depth + 1);
            }
        } else {
            throw new NotKept();
        }
    }

    private static Object decode(DataInputStream in, int depth) throws IOException {
        if (depth > MAXIMUM_DEPTH) {
            throw new IOException("damaged");
        }
        int tag = in.readUnsignedByte();
        switch (tag) {
            case 'N':
                return null;
            case 'S':
                return new String(readBytes(in), StandardCharsets.UTF_8);
            case 'T':
                return Boolean.TRUE;
            case 'F':
                return Boolean.FALSE;
            case 'I':
                return in.readInt();
            case 'L':
                return in.readLong();
            case 'G':
                return new BigInteger(readBytes(in));
            case 'D':
                return in.readDouble();
            case 'Y':
                return readBytes(in);
            case 'A': {
                int size = count(in);
                List<Object> list = new ArrayList<>(size);
                for (int index = 0; index < size; index++) {
                    list.add(decode(in, depth + 1));
                }
                return list;
            }
            case 'E': {
                int size = count(in);
                Set<Object> set = new LinkedHashSet<>();
                for (int index = 0; index < size; index++) {
                    set.add(decode(in, depth + 1));
                }
                return set;
            }
            case 'M': {
                int size = count(in);
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int index = 0; index < size; index++) {
                    Object key = decode(in, depth + 1);
                    map.put(key, decode(in, depth + 1));
                }
                return map;
            }
            default:
                throw new IOException("damaged");
        }
    }

    private static int count(DataInputStream in) throws IOException {
        int size = in.readInt();
        if (size < 0 || size > MAXIMUM_TREE_BYTES) {
            throw new IOException("damaged");
        }
        return size;
    }

    /** For tests: the file this memory is kept in (null for none). */
    Path file() {
        return file;
    }

    /** For tests: forgets what was loaded, as a new JVM would. */
    static void forgetLoaded() {
        BY_FILE.clear();
    }
}
