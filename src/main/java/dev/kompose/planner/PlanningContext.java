package dev.kompose.planner;

import dev.kompose.compose.ComposeProgram;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.regex.Pattern;

/**
 * What every planner may know besides the stack: the time the run started, the hook timeout,
 * whether it is a dry run, and the compose program (only for operations that use compose).
 *
 * @param now the run's start, for dump names and dated database names; null when the operation does not
 *     use it ({@link RunOperation#usesStartTime()}), and then {@link #now()} refuses
 * @param hookTimeout how long a hook may run
 * @param dryRun true when nothing will run (hooks get KOMPOSE_DRY_RUN=true)
 * @param composeProgram docker compose or docker-compose, or null when the operation does not use it
 * @param sessionTag what makes this run's database sessions unique (the process id): every tool session
 *     is named {@code kompose-<tag>-<stack>} so a cancelled run can find and end its own
 */
public record PlanningContext(LocalDateTime now, Duration hookTimeout, boolean dryRun, ComposeProgram composeProgram,
        String sessionTag) {
    /** What an application_name keeps of a stack name (compiled once: asked for every tool command of every stack). */
    private static final Pattern NOT_IN_APPLICATION_NAMES = Pattern.compile("[^A-Za-z0-9_.-]");

    public PlanningContext(LocalDateTime now, Duration hookTimeout, boolean dryRun, ComposeProgram composeProgram) {
        this(now, hookTimeout, dryRun, composeProgram, Long.toString(ProcessHandle.current().pid()));
    }

    /** The run's start as local time; only for operations that said they use it. */
    @Override
    public LocalDateTime now() {
        if (now == null) {
            throw new IllegalStateException("the run's start time was not read: the operation must say usesStartTime()");
        }
        return now;
    }

    /** The application_name of the tools' sessions on one stack (at most 63 bytes, as PostgreSQL keeps it). */
    public String applicationName(String stackName) {
        String name = "kompose-" + sessionTag + "-" + NOT_IN_APPLICATION_NAMES.matcher(stackName).replaceAll("_");
        return name.length() > 63 ? name.substring(0, 63) : name;
    }
}
