package dev.kompose.safety;

import dev.kompose.exec.Cancellation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The lock one kompose process holds on a stack while it exports, imports or cleans up:
 * {@code <stack>/.kompose.lock}, locked with the operating system's file lock (released by the
 * kernel when the holder dies, kill -9 included) and carrying a {@link LockOwner} body for the
 * message the next process prints. The file stays; its body is emptied on release, so a body
 * found under a free lock was left by a process that died holding it (a stale lock, taken over).
 */
public final class StackLock implements AutoCloseable {
    public static final String FILE_NAME = ".kompose.lock";
    private static final Duration POLL = Duration.ofMillis(200);
    private static final int MAXIMUM_BODY = 64 * 1024;
    /** Locks this JVM holds: closing a second channel on a file would drop the first one's POSIX lock. */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private StackLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** The outcome of one attempt: the lock, or who holds it. */
    public sealed interface Attempt permits Acquired, Busy {
    }

    /**
     * @param lock the lock, to close when the operation is over
     * @param staleOwner who held it before and died without releasing it, if anyone
     */
    public record Acquired(StackLock lock, Optional<LockOwner> staleOwner) implements Attempt {
    }

    /** @param owner who holds it, when the holder has written its name yet */
    public record Busy(Optional<LockOwner> owner) implements Attempt {
        public String describeOwner() {
            return owner.map(LockOwner::describe).orElse("another kompose process (it has not written its name yet)");
        }
    }

    public static Path fileIn(Path stackFolder) {
        return stackFolder.resolve(FILE_NAME);
    }

    /** One attempt, without waiting. */
    public static Attempt tryAcquire(Path stackFolder, LockOwner me) throws IOException {
        Path file = fileIn(stackFolder).toAbsolutePath().normalize();
        if (!HELD_HERE.add(file)) {
            return new Busy(Optional.of(new LockOwner(me.processId(), me.user(), me.host(),
                    "another operation in this same kompose process", me.since())));
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException inThisProcess) {
                lock = null;
            }
            if (lock == null) {
                Optional<LockOwner> owner = LockOwner.parse(read(channel));
                channel.close();
                HELD_HERE.remove(file);
                return new Busy(owner);
            }
            Optional<LockOwner> previous = LockOwner.parse(read(channel));
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(me.toText().getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new Acquired(new StackLock(file, channel, lock), previous);
        } catch (IOException | RuntimeException failure) {
            if (channel != null) {
                channel.close();
            }
            HELD_HERE.remove(file);
            throw failure instanceof IOException io ? io : new IOException(failure.getMessage(), failure);
        }
    }

    /**
     * Takes the lock; when it is busy and wait is set, tries again every 200 ms until it is free
     * or the operation is cancelled (then returns the last Busy).
     */
    public static Attempt acquire(Path stackFolder, LockOwner me, boolean wait, Cancellation cancellation,
            Consumer<String> report) throws IOException, InterruptedException {
        Attempt attempt = tryAcquire(stackFolder, me);
        String lastReported = "";
        while (wait && attempt instanceof Busy busy && !cancellation.isCancelled()) {
            String holder = busy.describeOwner();
            if (!holder.equals(lastReported)) {
                report.accept("waiting for the lock on this stack, held by " + holder);
                lastReported = holder;
            }
            Thread.sleep(POLL.toMillis());
            attempt = tryAcquire(stackFolder, me);
        }
        return attempt;
    }

    public Path file() {
        return file;
    }

    /** Empties the body and releases the lock; the file stays for the next process. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (!channel.isOpen()) {
            return;
        }
        try {
            channel.truncate(0);
            channel.force(false);
        } catch (IOException ignored) {
            // the kernel lock is what counts; a body left behind is recognised as stale
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // closing the channel releases the lock in any case
        } finally {
            HELD_HERE.remove(file);
        }
    }

    private static String read(FileChannel channel) throws IOException {
        long size = Math.min(channel.size(), MAXIMUM_BODY);
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
            // read until full
        }
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    }
}
