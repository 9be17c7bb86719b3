package dev.kompose.exec;

/** Which of a child's output streams a line came from. */
public enum OutputStreamName {
    STDOUT,
    STDERR
}
