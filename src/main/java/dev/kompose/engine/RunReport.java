package dev.kompose.engine;

import java.util.List;

/**
 * The end of a whole run: one report per selected stack, and whether the run was cancelled.
 *
 * @param stacks per-stack reports in stack order
 * @param cancelledBy empty, or what cancelled the run ("interrupted (SIGINT)", "quit at the step prompt")
 * @param cancelExitCode the exit status a cancel maps to (130 INT, 143 TERM, 129 HUP)
 */
public record RunReport(List<StackReport> stacks, String cancelledBy, int cancelExitCode) {

    public RunReport {
        stacks = List.copyOf(stacks);
    }

    public long succeeded() {
        return stacks.stream().filter(report -> report.outcome().countsAsSuccess()).count();
    }

    public long failed() {
        return stacks.size() - succeeded();
    }

    public boolean cancelled() {
        return !cancelledBy.isEmpty();
    }

    /** 0 when every stack succeeded or was skipped, the cancel status when cancelled, else 1. */
    public int exitCode() {
        if (cancelled()) {
            return cancelExitCode;
        }
        return failed() == 0 ? 0 : 1;
    }
}
