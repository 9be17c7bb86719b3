package dev.kompose.safety;

import java.nio.file.Path;

/** Where a stack's lock file is, for tests. */
final class StackLockFiles {
    private StackLockFiles() {
    }

    static Path lockFile(Path stackFolder) {
        return StackLock.fileIn(stackFolder);
    }
}
