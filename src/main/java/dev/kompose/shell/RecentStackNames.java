package dev.kompose.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The stack names under root for judging a line at each key: listed afresh when the root changed or
 * a second has passed, so a stack created meanwhile is known a moment later and a key never waits
 * for a listing of a thousand folders.
 */
final class RecentStackNames implements Supplier<List<String>> {
    private static final long FRESH_NANOS = 1_000_000_000L;
    private final Supplier<List<String>> list;
    private final Supplier<Path> root;
    private List<String> names = List.of();
    private Path listedRoot;
    private long listedAt;

    RecentStackNames(Supplier<List<String>> list, Supplier<Path> root) {
        this.list = list;
        this.root = root;
    }

    @Override
    public synchronized List<String> get() {
        Path now = root.get();
        if (listedRoot == null || !listedRoot.equals(now) || System.nanoTime() - listedAt > FRESH_NANOS) {
            try {
                names = list.get();
            } catch (RuntimeException unreadable) {
                names = List.of();
            }
            listedRoot = now;
            listedAt = System.nanoTime();
        }
        return names;
    }
}
