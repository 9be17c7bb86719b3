package dev.kompose.progress;

import dev.kompose.plan.Plan;
import dev.kompose.plan.StackPlan;
import dev.kompose.plan.Stage;
import dev.kompose.plan.StageContext;
import dev.kompose.plan.StageKind;
import dev.kompose.plan.StageResult;
import java.util.List;
import java.util.Set;

/** Plans and stages for progress tests: nothing runs, only events are fed to listeners. */
public final class ProgressFixtures {
    private ProgressFixtures() {
    }

    /** A stage that only has a name and kind. */
    public record NamedStage(String name, StageKind kind) implements Stage {
        @Override
        public String description() {
            return name;
        }

        @Override
        public List<String> commandText() {
            return List.of();
        }

        @Override
        public StageResult run(StageContext context) {
            return StageResult.succeeded();
        }
    }

    public static final Stage PRE_HOOK = new NamedStage("pre_db_export", StageKind.HOOK);
    public static final Stage DUMP = new NamedStage("pg_dump", StageKind.DUMP);
    public static final Stage PUBLISH = new NamedStage("publish", StageKind.FILE);

    public static StackPlan stack(String name) {
        return new StackPlan(name, dev.kompose.testing.TestOperation.FOLDER, List.of(PRE_HOOK, DUMP, PUBLISH), List.of(), "", List.of(), Set.of());
    }

    public static Plan plan(String... names) {
        return new Plan(dev.kompose.testing.TestOperation.named("db:export"), java.util.Arrays.stream(names).map(ProgressFixtures::stack).toList());
    }

    /** A clock the test moves by hand. */
    public static final class ManualClock implements java.util.function.LongSupplier {
        private long nanos = 1_000_000_000L;

        public void advanceMillis(long millis) {
            nanos += millis * 1_000_000L;
        }

        @Override
        public long getAsLong() {
            return nanos;
        }
    }
}
