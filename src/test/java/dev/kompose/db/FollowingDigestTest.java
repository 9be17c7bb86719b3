package dev.kompose.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FollowingDigestTest {
    @Test
    void hashesAFileWhileItIsWrittenAsItWillBeWhenDone(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("app_20250101_000000.sql.kompose-partial");
        FollowingDigest digest = FollowingDigest.start(file);
        Thread.sleep(50); // the follower waits for the file to appear
        Random random = new Random(7);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int chunk = 0; chunk < 40; chunk++) {
                byte[] bytes = new byte[random.nextInt(300_000)];
                random.nextBytes(bytes);
                out.write(bytes);
                out.flush();
                if (chunk % 8 == 0) {
                    Thread.sleep(30); // the follower catches up and waits for more
                }
            }
        }

        Optional<FollowingDigest.Result> result = digest.finish();

        assertTrue(result.isPresent());
        assertEquals(Files.size(file), result.get().bytes());
        assertEquals(DumpManifest.sha256Of(file), result.get().sha256());
    }

    @Test
    void anEmptyFileHasTheEmptyHash(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("empty");
        FollowingDigest digest = FollowingDigest.start(file);
        Files.createFile(file);
        assertEquals(Optional.of(new FollowingDigest.Result(
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", 0)), digest.finish());
    }

    @Test
    void aFileAlreadyThereANeverCreatedOneOrAnAbandonedFollowGiveNothing(@TempDir Path folder) throws Exception {
        Path existing = Files.writeString(folder.resolve("left-over"), "old bytes the writer will truncate");
        assertEquals(Optional.empty(), FollowingDigest.start(existing).finish());

        assertEquals(Optional.empty(), FollowingDigest.start(folder.resolve("never")).finish());

        Path file = folder.resolve("cancelled");
        FollowingDigest cancelled = FollowingDigest.start(file);
        Files.writeString(file, "partial");
        cancelled.close();
        assertEquals(Optional.empty(), cancelled.finish());

        assertEquals(Optional.empty(), FollowingDigest.none().finish());
    }

    @Test
    void theManifestTakesTheHashOnlyForTheBytesItCovers() {
        dev.kompose.plan.Artifact.DumpTaken taken = new dev.kompose.plan.Artifact.DumpTaken(Path.of("d.sql"), "16.4",
                java.util.Map.of(), java.time.Instant.EPOCH, java.time.Instant.EPOCH, "abc", 100);
        assertEquals(Optional.of("abc"), taken.sha256Covering(100));
        assertEquals(Optional.empty(), taken.sha256Covering(101), "the file grew or shrank after it was hashed");
        assertEquals(Optional.empty(), new dev.kompose.plan.Artifact.DumpTaken(Path.of("d.sql"), "16.4",
                java.util.Map.of(), java.time.Instant.EPOCH, java.time.Instant.EPOCH).sha256Covering(-1));
    }
}
