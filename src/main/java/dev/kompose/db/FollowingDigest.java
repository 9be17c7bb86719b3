package dev.kompose.db;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * The SHA-256 of a file another process writes front to back, computed while it is written: a
 * thread reads what has been written so far (from the page cache, where the writer just put it)
 * and waits for more until told the writer is done, then reads to the end. The manifest then needs
 * no second pass over a dump of hundreds of megabytes after pg_dump ended.
 *
 * <p>Only for files written strictly in order — a plain or gzip dump. pg_dump's custom format
 * goes back to rewrite its table of contents when it writes to a file, so those are hashed after.
 * On Linux a read never returns bytes past what a completed write(2) put in the page cache, so the
 * bytes read are the bytes written. Whoever uses the result checks that the file still has exactly
 * the bytes that were hashed ({@link Result#bytes()}); any failure here only means hashing again.
 */
final class FollowingDigest implements AutoCloseable {
    private static final long POLL_NANOS = 20_000_000L;
    private static final int BUFFER_BYTES = 1 << 20;

    /** The hash of the first bytes of the file, in lower-case hex. */
    record Result(String sha256, long bytes) {
    }

    private final Path file;
    private final Thread thread;
    private volatile boolean writerDone;
    private volatile boolean abandoned;
    private volatile Result result;

    private FollowingDigest(Path file) {
        this.file = file;
        this.thread = new Thread(this::follow, "kompose-digest");
        thread.setDaemon(true);
    }

    /**
     * Starts following file, which the writer is about to create. A file already there (nothing should
     * be: the lock stage removes what a killed export left) is not followed, since the writer may
     * truncate it after bytes were read: {@link #finish()} then gives nothing.
     */
    static FollowingDigest start(Path file) {
        FollowingDigest digest = new FollowingDigest(file);
        if (java.nio.file.Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            digest.abandoned = true;
        } else {
            digest.thread.start();
        }
        return digest;
    }

    /** Follows nothing: {@link #finish()} gives nothing (a file that will not be written in order). */
    static FollowingDigest none() {
        FollowingDigest digest = new FollowingDigest(Path.of(""));
        digest.abandoned = true;
        return digest;
    }

    /** The writer ended: hashes what is left and gives the result, or empty when the file could not be followed. */
    Optional<Result> finish() {
        if (abandoned) {
            return Optional.empty();
        }
        writerDone = true;
        LockSupport.unpark(thread);
        try {
            thread.join();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            abandoned = true;
            return Optional.empty();
        }
        return Optional.ofNullable(result);
    }

    /** Stops following without a result (the writer failed or was cancelled). */
    @Override
    public void close() {
        abandoned = true;
        writerDone = true;
        LockSupport.unpark(thread);
    }

    private void follow() {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException missing) {
            return;
        }
        try (FileChannel channel = openWhenCreated()) {
            if (channel == null) {
                return;
            }
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
            long bytes = 0;
            while (!abandoned) {
                boolean lastPass = writerDone; // read before reading: a write before "done" is then seen below
                int read = channel.read(buffer.clear());
                if (read > 0) {
                    digest.update(buffer.flip());
                    bytes += read;
                } else if (lastPass) {
                    result = new Result(HexFormat.of().formatHex(digest.digest()), bytes);
                    return;
                } else {
                    LockSupport.parkNanos(POLL_NANOS);
                }
            }
        } catch (IOException unreadable) {
            // no result: the manifest hashes the file itself
        }
    }

    /** The file opened for reading once the writer created it; null when it was never created. */
    private FileChannel openWhenCreated() throws IOException {
        while (!abandoned) {
            boolean lastPass = writerDone;
            try {
                return FileChannel.open(file, StandardOpenOption.READ);
            } catch (NoSuchFileException notYet) {
                if (lastPass) {
                    return null;
                }
                LockSupport.parkNanos(POLL_NANOS);
            }
        }
        return null;
    }
}
