package dev.kompose.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The stack names under root for judging a line at each key. The first listing of a root is made at
 * once; after that a listing older than a second is renewed in the background while the key is judged
 * with the one before, so a stack created meanwhile is known a moment later and a key never waits for
 * a listing of a thousand folders.
 */
final class RecentStackNames implements Supplier<List<String>> {
    private static final long FRESH_NANOS = 1_000_000_000L;
    private final Supplier<List<String>> list;
    private final Supplier<Path> root;
    private final AtomicBoolean renewing = new AtomicBoolean();
    private volatile Listing listing;

    /** Names listed under root at a moment. */
    private record Listing(Path root, List<String> names, long listedAt) {
    }

    RecentStackNames(Supplier<List<String>> list, Supplier<Path> root) {
        this.list = list;
        this.root = root;
    }

    @Override
    public List<String> get() {
        Path now = root.get();
        Listing current = listing;
        if (current == null || !current.root().equals(now)) {
            current = listNow(now);
            listing = current;
        } else if (System.nanoTime() - current.listedAt() > FRESH_NANOS && renewing.compareAndSet(false, true)) {
            Thread renewal = new Thread(() -> {
                try {
                    listing = listNow(now);
                } finally {
                    renewing.set(false);
                }
            }, "kompose-stack-names");
            renewal.setDaemon(true);
            renewal.start();
        }
        return current.names();
    }

    private Listing listNow(Path folder) {
        List<String> names;
        try {
            names = list.get();
        } catch (RuntimeException unreadable) {
            names = List.of();
        }
        return new Listing(folder, names, System.nanoTime());
    }
}
