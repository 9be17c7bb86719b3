package dev.kompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.testing.KomposeProcess;
import dev.kompose.testing.RecordingDocker;
import dev.kompose.testing.StackFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built command line as a black box, with a recording docker on the PATH. */
class CommandLineBlackBoxTest {
    @TempDir
    Path temp;
    Path root;
    StackFolder stacks;
    RecordingDocker docker;

    @BeforeEach
    void setUp() throws Exception {
        root = Files.createDirectories(temp.resolve("stacks"));
        stacks = new StackFolder(root);
        docker = new RecordingDocker(temp.resolve("bin"));
        stacks.stackWithoutDatabase("alpha");
        stacks.stackWithoutDatabase("beta");
        stacks.stackWithoutDatabase("gamma");
    }

    private KomposeProcess.Result kompose(String... arguments) {
        List<String> all = new java.util.ArrayList<>(List.of("-C", root.toString()));
        all.addAll(List.of(arguments));
        return docker.kompose().run(all.toArray(String[]::new));
    }

    @Test
    void helpAndVersion() {
        KomposeProcess.Result help = kompose("--help");
        assertEquals(0, help.exitCode(), help.toString());
        assertTrue(help.out().contains("kompose [OPTIONS] <PATTERN> <COMMAND> [ARGS...]"), help.out());
        assertTrue(help.out().contains("db:import [FILE]"), help.out());
        KomposeProcess.Result version = kompose("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().strip().matches("kompose \\d+\\.\\d+\\.\\d+.*"), version.out());
    }

    @Test
    void usageErrorsExitTwoWithOneClearLine() {
        KomposeProcess.Result nothing = kompose();
        assertEquals(2, nothing.exitCode(), nothing.toString());
        assertTrue(nothing.err().contains("Missing PATTERN and COMMAND"), nothing.toString());

        KomposeProcess.Result badEnv = kompose("-e", "FOO", "alpha", "ps");
        assertEquals(2, badEnv.exitCode(), badEnv.toString());
        assertEquals("kompose: Invalid environment variable format: FOO (expected KEY=VALUE)", badEnv.err().strip());

        KomposeProcess.Result noMatch = kompose("nope*", "ps");
        assertEquals(2, noMatch.exitCode(), noMatch.toString());
        assertTrue(noMatch.err().contains("\"nope*\" matches no stack. Available stacks: alpha, beta, gamma"), noMatch.err());

        KomposeProcess.Result unknownOption = kompose("--frobnicate", "alpha", "ps");
        assertEquals(2, unknownOption.exitCode(), unknownOption.toString());
        assertFalse(unknownOption.all().contains("Exception"), unknownOption.toString());

        KomposeProcess.Result badKeep = kompose("alpha", "db:cleanup", "--keep", "lots");
        assertEquals(2, badKeep.exitCode(), badKeep.toString());
        assertTrue(badKeep.err().startsWith("kompose: db:cleanup: Invalid value for option '--keep'"), badKeep.err());
    }

    @Test
    void composeArgumentsPassUntouchedAndOverridesTravelAsEnvironmentNotFlags() throws Exception {
        KomposeProcess.Result result = kompose("-e", "FOO=bar baz", "--network", "edge", "alpha,b*", "logs", "-n", "10",
                "-e", "not-for-kompose");

        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(List.of(
                "docker [compose] [-f] [compose.yaml] [logs] [-n] [10] [-e] [not-for-kompose] in=alpha FOO=bar baz NETWORK_NAME=edge PROJECT=alpha",
                "docker [compose] [-f] [compose.yaml] [logs] [-n] [10] [-e] [not-for-kompose] in=beta FOO=bar baz NETWORK_NAME=edge PROJECT=beta"),
                docker.composeCalls());
        assertTrue(result.out().contains("Summary: 2 succeeded, 0 failed out of 2 stacks"), result.out());
    }

    @Test
    void fallsBackToDockerComposeV1AndHonoursKomposeCompose() throws Exception {
        KomposeProcess.Result v1 = docker.kompose().environment("COMPOSE_PLUGIN", "missing")
                .run("-C", root.toString(), "alpha", "ps");
        assertEquals(0, v1.exitCode(), v1.toString());
        assertEquals(List.of("docker-compose [-f] [compose.yaml] [ps] in=alpha FOO=unset NETWORK_NAME=unset PROJECT=alpha"),
                docker.composeCalls());

        KomposeProcess.Result configured = docker.kompose().environment("KOMPOSE_COMPOSE", "docker-compose --ansi never")
                .run("-C", root.toString(), "beta", "ps");
        assertEquals(0, configured.exitCode(), configured.toString());
        assertTrue(docker.calls().get(docker.calls().size() - 1)
                .startsWith("docker-compose [--ansi] [never] [-f] [compose.yaml] [ps] in=beta"), docker.calls().toString());
    }

    @Test
    void dockerIsAskedForItsComposePluginOnceWhileItStaysTheSame() throws Exception {
        Path cache = temp.resolve("cache");
        java.util.function.Supplier<KomposeProcess.Result> ps = () -> docker.kompose().environment("XDG_CACHE_HOME", cache.toString())
                .run("-C", root.toString(), "*", "ps", "--dry-run");
        String probe = "docker [compose] [version]";

        for (int run = 0; run < 3; run++) {
            KomposeProcess.Result result = ps.get();
            assertEquals(0, result.exitCode(), result.toString());
            assertTrue(result.out().contains("docker compose -f compose.yaml ps"), result.out());
        }
        assertEquals(1, docker.calls().stream().filter(call -> call.startsWith(probe)).count(), docker.calls().toString());

        // another docker (an upgrade) is asked again, and its answer holds: here its plugin is gone
        Path dockerScript = docker.folder().resolve("docker");
        Files.writeString(dockerScript, Files.readString(dockerScript).replace("present", "missing") + "# upgraded\n");
        KomposeProcess.Result upgraded = ps.get();
        assertEquals(0, upgraded.exitCode(), upgraded.toString());
        assertTrue(upgraded.out().contains("docker-compose -f compose.yaml ps"), upgraded.out());
        assertEquals(2, docker.calls().stream().filter(call -> call.startsWith(probe)).count(), docker.calls().toString());
    }

    @Test
    void preAndPostHooksGetTheCommandAndItsArgumentsAndAFailingPreHookSkipsTheCommand() throws Exception {
        Path order = temp.resolve("order.log");
        String hooks = "hook_pre_up() { echo \"pre $*\" >> " + order + "; }\nhook_post_up() { echo \"post $*\" >> " + order + "; }\n";
        stacks.hooks("alpha", hooks);
        stacks.hooks("beta", "hook_pre_up() { echo '  not today'; return 1; }\nhook_post_up() { echo never >> " + order + "; }\n");
        stacks.hooks("gamma", hooks);

        KomposeProcess.Result result = docker.kompose().environment("DOCKER_FAIL_IN_STACK", "gamma")
                .run("-C", root.toString(), "*", "up", "-d", "--wait");

        assertEquals(1, result.exitCode(), result.toString());
        assertEquals(List.of("pre up -d --wait", "post up -d --wait", "pre up -d --wait"), Files.readAllLines(order));
        assertEquals(2, docker.composeCalls().size(), docker.calls().toString());
        assertTrue(result.out().contains("hook hook_pre_up failed: exit status 1"), result.out());
        assertTrue(result.out().contains("    not today"), "hook output is shown indented: " + result.out());
        assertTrue(result.out().contains("[FAILED] gamma: up: docker compose up failed: exit status 1"), result.out());
        assertTrue(result.out().contains("Summary: 1 succeeded, 2 failed out of 3 stacks"), result.out());
    }

    @Test
    void nothingFromOneStacksEnvOrHooksReachesAnother() throws Exception {
        stacks.env("alpha", "FOO=from-alpha\n");
        stacks.hooks("alpha", "hook_pre_ps() { echo \"alpha sees FOO=[$FOO]\"; }\nhook_post_ps() { echo alpha-post; }\n");
        stacks.hooks("beta", "hook_pre_ps() { echo \"beta sees FOO=[${FOO-}] post=[$(type -t hook_post_ps)]\"; }\n");

        KomposeProcess.Result result = kompose("alpha,beta", "ps");

        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.out().contains("alpha sees FOO=[from-alpha]"), result.out());
        assertTrue(result.out().contains("beta sees FOO=[] post=[]"), result.out());
        assertTrue(docker.composeCalls().get(1).contains("FOO=unset"), docker.calls().toString());
    }

    @Test
    void dotEnvContentIsNeverExecutedAndAFileComposeRefusesFailsOnlyItsStackBeforeAnythingRuns() throws Exception {
        Path marker = temp.resolve("executed");
        stacks.env("alpha", "A=$(touch " + marker + ")\nB=`touch " + marker + "`\ntouch " + marker + "\nFOO=ok\n");
        stacks.hooks("alpha", "hook_pre_ps() { touch " + marker + "; }\n");
        stacks.env("beta", "FOO=from-beta\nTAB=a\t# b\n");

        KomposeProcess.Result result = kompose("alpha,beta", "ps");

        assertEquals(1, result.exitCode(), result.toString());
        assertFalse(Files.exists(marker), ".env content was executed, or a hook ran for a stack that failed");
        assertTrue(result.out().contains("[FAILED] alpha: check: Docker Compose would refuse the .env: "
                + root.resolve("alpha/.env") + ":3: unexpected character \"/\" in variable name \"touch "), result.out());
        assertTrue(result.out().contains("[WARN] " + root.resolve("beta/.env") + ":2: in the value of TAB only a space"),
                result.out());
        assertEquals(1, docker.composeCalls().size(), docker.calls().toString());
        assertTrue(docker.composeCalls().get(0).contains("in=beta FOO=from-beta"), docker.calls().toString());
        assertTrue(result.out().contains("Summary: 1 succeeded, 1 failed out of 2 stacks"), result.out());
        assertFalse(result.all().contains("Exception"), result.toString());
    }

    @Test
    void aStackFolderWithSpacesIsOneStack() throws Exception {
        stacks.stackWithoutDatabase("my stack");

        KomposeProcess.Result result = kompose("my stack", "ps");

        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(List.of("docker [compose] [-f] [compose.yaml] [ps] in=my stack FOO=unset NETWORK_NAME=unset PROJECT=mystack"),
                docker.composeCalls());
    }

    @Test
    void aPasswordGivenWithDashEIsNeverPrinted() throws Exception {
        stacks.databaseStackWithoutServer("db");

        KomposeProcess.Result result = kompose("-e", "DB_PASSWORD=Sup3r-Secret-Pw", "--dry-run", "db", "db:export");

        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.out().contains("PGPASSWORD=*** pg_dump"), result.out());
        assertFalse(result.all().contains("Sup3r-Secret-Pw"), result.toString());
    }

    @Test
    void dryRunRunsNoHookAndNoDocker() throws Exception {
        Path marker = temp.resolve("hook-ran");
        stacks.hooks("alpha", "hook_pre_up() { touch " + marker + "; }\n");

        KomposeProcess.Result result = kompose("alpha", "up", "-d", "--dry-run");

        assertEquals(0, result.exitCode(), result.toString());
        assertFalse(Files.exists(marker));
        assertEquals(List.of(), docker.composeCalls());
        assertTrue(result.out().contains("[DRY-RUN] 2/2 compose up"), result.out());
        assertTrue(result.out().contains("$ docker compose -f compose.yaml up -d"), result.out());
    }

    @Test
    void listShowsEveryStack() {
        KomposeProcess.Result result = kompose("--list");

        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.out().startsWith("STACK  COMPOSE FILE  .ENV  DUMPS  POSTGRES  HOOKS  ENGINE\nalpha  compose.yaml  no    -      no        -      local\n"),
                result.out());
        assertTrue(result.out().endsWith("3 stacks\n"), result.out());
    }

    @Test
    void stacksNamedLikeKomposesOwnCommandsAreAddressedLikeAnyOther() throws Exception {
        for (String name : List.of("journal", "list", "shell", "completion")) {
            stacks.stackWithoutDatabase(name);
        }
        Path journalFile = temp.resolve("journal.jsonl");

        for (String name : List.of("journal", "list", "shell")) {
            KomposeProcess.Result result = docker.kompose().environment("KOMPOSE_JOURNAL", journalFile.toString())
                    .run("-C", root.toString(), name, "ps");
            assertEquals(0, result.exitCode(), result.toString());
            assertTrue(docker.composeCalls().get(docker.composeCalls().size() - 1)
                    .startsWith("docker [compose] [-f] [compose.yaml] [ps] in=" + name + " "), docker.calls().toString());
        }
        KomposeProcess.Result completionStack = kompose("completion,", "ps");
        assertEquals(0, completionStack.exitCode(), completionStack.toString());
        assertTrue(docker.composeCalls().get(docker.composeCalls().size() - 1).contains("in=completion "), docker.calls().toString());

        // the same words alone, or with their own options, are still the commands
        KomposeProcess.Result journal = docker.kompose().environment("KOMPOSE_JOURNAL", journalFile.toString())
                .run("-C", root.toString(), "journal", "--last", "2");
        assertEquals(0, journal.exitCode(), journal.toString());
        assertTrue(journal.out().contains("  shell  ps  succeeded"), journal.out());
        assertFalse(journal.out().contains("  journal  ps  "), "--last 2 keeps the newest two: " + journal.out());
        KomposeProcess.Result list = kompose("list");
        assertEquals(0, list.exitCode(), list.toString());
        assertTrue(list.out().endsWith("7 stacks\n"), list.out());
        KomposeProcess.Result script = kompose("completion", "bash");
        assertEquals(0, script.exitCode(), script.toString());
        assertTrue(script.out().contains("complete -F _kompose kompose"), script.out());
        KomposeProcess.Result stackJournal = docker.kompose().environment("KOMPOSE_JOURNAL", journalFile.toString())
                .run("-C", root.toString(), "list", "journal");
        assertEquals(0, stackJournal.exitCode(), stackJournal.toString());
        assertTrue(stackJournal.out().contains("  list  ps  succeeded"), stackJournal.out());
        assertFalse(stackJournal.out().contains("  shell  ps  "), "only the selected stack's entries: " + stackJournal.out());
    }

    @Test
    void everyVerbExplainsItselfWithHelp() {
        KomposeProcess.Result importHelp = kompose("alpha", "db:import", "--help");
        assertEquals(0, importHelp.exitCode(), importHelp.toString());
        assertTrue(importHelp.out().startsWith("Usage: kompose <PATTERN> db:import"), importHelp.out());
        assertTrue(importHelp.out().contains("--keep-previous") && importHelp.out().contains("--jobs=N"), importHelp.out());
        KomposeProcess.Result journalHelp = kompose("journal", "--help");
        assertEquals(0, journalHelp.exitCode(), journalHelp.toString());
        assertTrue(journalHelp.out().contains("--last=N"), journalHelp.out());
    }
}
