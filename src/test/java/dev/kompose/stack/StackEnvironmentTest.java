package dev.kompose.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackEnvironmentTest {
    @Test
    void laterLayersWinInTheDocumentedOrder(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve(".env"), "A=root\nB=root\nC=root\nD=root\nNETWORK_NAME=root-net\n");
        Path stackEnv = Files.writeString(root.resolve("stack.env"), "B=stack\nC=stack\nD=${A}-and-${FROM_PROCESS}\n");
        Map<String, String> process = Map.of("A", "process", "FROM_PROCESS", "p", "ONLY_PROCESS", "kept");
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("C", "override");

        StackEnvironment environment = StackEnvironment.layer(process,
                EnvFileParser.read(root.resolve(".env"), process::get), stackEnv, "net-from-option", overrides);

        assertEquals("root", environment.get("A"));
        assertEquals("stack", environment.get("B"));
        assertEquals("override", environment.get("C"));
        assertEquals("root-and-p", environment.get("D"));
        assertEquals("net-from-option", environment.get("NETWORK_NAME"));
        assertEquals("kept", environment.get("ONLY_PROCESS"));
        assertFalse(environment.stackValues().containsKey("ONLY_PROCESS"));
    }

    @Test
    void nothingOneStackSetsReachesTheNext(@TempDir Path root) throws Exception {
        Path first = Files.writeString(root.resolve("first.env"), "ONLY_FIRST=1\nSHARED=first\n");
        Path second = Files.writeString(root.resolve("second.env"), "SHARED=second\n");
        EnvFile rootEnv = EnvFile.empty(root.resolve(".env"));

        StackEnvironment.layer(Map.of(), rootEnv, first, null, Map.of());
        StackEnvironment secondEnvironment = StackEnvironment.layer(Map.of(), rootEnv, second, null, Map.of());

        assertNull(secondEnvironment.get("ONLY_FIRST"));
        assertEquals("second", secondEnvironment.get("SHARED"));
    }

    @Test
    void errorsAndWarningsAreReportedWithFileAndLine(@TempDir Path root) throws Exception {
        Path stackEnv = Files.writeString(root.resolve(".env"), "GOOD=1\nrm -rf /\nALSO_GOOD=2\nTAB=a\t# b\n");
        Path rootEnvFile = Files.writeString(root.resolve("root.env"), "R=${NEEDED:?set NEEDED}\n");

        StackEnvironment environment = StackEnvironment.layer(Map.of(), EnvFileParser.read(rootEnvFile, name -> null),
                stackEnv, null, Map.of());

        assertTrue(environment.hasErrors());
        assertEquals(List.of(rootEnvFile + ":1: in value of R: required variable NEEDED is missing a value: set NEEDED",
                stackEnv + ":2: unexpected character \"/\" in variable name \"rm -rf /\""), environment.errorLines());
        assertEquals(List.of(stackEnv + ":4: in the value of TAB only a space before \"#\" starts a comment: Docker"
                + " Compose keeps \"\\t# b\" in the value"), environment.problemLines());
        assertEquals("2", environment.get("ALSO_GOOD"));
    }

    @Test
    void secretsAreRecognisedByName() {
        StackEnvironment environment = new StackEnvironment(Map.of("DB_PASSWORD", "pw-1", "API_TOKEN", "tok-2",
                "DB_NAME", "app"), Map.of(), List.of());

        assertEquals(java.util.Set.of("DB_PASSWORD", "API_TOKEN"), environment.secretNames());
        assertEquals(java.util.Set.of("pw-1", "tok-2"), environment.secretValues());
    }

    @Test
    void theProcessEnvironmentIsSharedNotCopiedAndTheStacksValuesShadowIt(@TempDir Path root) throws Exception {
        Path stackEnv = Files.writeString(root.resolve(".env"), "HOME=/stack-home\nDB_PASSWORD=from-stack\n");
        Map<String, String> process = Map.copyOf(Map.of("HOME", "/root", "PATH", "/bin", "CI_TOKEN", "process-secret"));

        StackEnvironment first = StackEnvironment.layer(process, EnvFile.empty(root.resolve("root.env")), stackEnv, null,
                Map.of());
        StackEnvironment second = StackEnvironment.layer(process, EnvFile.empty(root.resolve("root.env")),
                root.resolve("missing.env"), null, Map.of());

        assertSame(process, first.processValues(), "one map for every stack of the run");
        assertSame(first.processValues(), second.processValues());
        assertEquals("/stack-home", first.get("HOME"));
        assertEquals("/root", second.get("HOME"));
        assertEquals("stack .env", first.origin("HOME"));
        assertEquals("process environment", first.origin("PATH"));
        assertEquals("", first.origin("UNSET"));
        assertEquals(Map.of("HOME", "/stack-home", "PATH", "/bin", "CI_TOKEN", "process-secret",
                "DB_PASSWORD", "from-stack"), first.values());
        assertEquals(java.util.Set.of("CI_TOKEN", "DB_PASSWORD"), first.secretNames());
        assertEquals(java.util.Set.of("process-secret", "from-stack"), first.secretValues());
    }
}
