package dev.kompose.cli;

/** A mistake in what the operator typed: reported in one line, exit status 2. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
