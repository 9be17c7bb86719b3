package dev.kompose.planner;

import dev.kompose.compose.ComposeProgram;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * What every planner may know besides the stack: the time the run started, the hook timeout,
 * whether it is a dry run, and the compose program (only for operations that use compose).
 *
 * @param now the run's start, for dump names and dated database names
 * @param hookTimeout how long a hook may run
 * @param dryRun true when nothing will run (hooks get KOMPOSE_DRY_RUN=true)
 * @param composeProgram docker compose or docker-compose, or null when the operation does not use it
 */
public record PlanningContext(LocalDateTime now, Duration hookTimeout, boolean dryRun, ComposeProgram composeProgram) {
}
