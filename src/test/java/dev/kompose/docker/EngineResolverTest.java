package dev.kompose.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineResolverTest {
    @TempDir
    Path config;

    private DockerEngine resolve(String runContext, Map<String, String> override, Map<String, String> stackEnv,
            Map<String, String> process) {
        Map<String, String> all = new java.util.HashMap<>(process);
        all.putAll(stackEnv);
        all.putAll(override);
        all.put("DOCKER_CONFIG", config.toString());
        return new EngineResolver(runContext).resolve(List.of(
                new EngineResolver.Layer(DockerEngine.Origin.OVERRIDE, override),
                new EngineResolver.Layer(DockerEngine.Origin.STACK_ENV, stackEnv),
                new EngineResolver.Layer(DockerEngine.Origin.PROCESS, process)), all::get);
    }

    private void context(String name, String host) throws IOException {
        Path folder = Files.createDirectories(config.resolve("contexts/meta/" + name.hashCode()));
        Files.writeString(folder.resolve("meta.json"), "{\"Name\":\"" + name + "\",\"Metadata\":{},\"Endpoints\":{\"docker\":"
                + "{\"Host\":\"" + host + "\",\"SkipTLSVerify\":false}}}");
    }

    @Test
    void aStackContextBeatsTheDockerHostKomposeRunsWithAndClearsItForTheChildren() throws IOException {
        context("far", "ssh://deploy@far.example:2222");
        DockerEngine engine = resolve(null, Map.of(), Map.of("DOCKER_CONTEXT", "far"), Map.of("DOCKER_HOST", "unix:///local.sock"));

        assertEquals("context far", engine.label());
        assertTrue(engine.isSsh());
        assertEquals(Map.of("DOCKER_HOST", "", "DOCKER_CONTEXT", "far"), engine.variables());
        assertEquals("far", engine.shortLabel());
    }

    @Test
    void withinOneLayerDockerHostWinsAsInDocker() {
        DockerEngine engine = resolve(null, Map.of(), Map.of("DOCKER_CONTEXT", "x", "DOCKER_HOST", "tcp://10.0.0.5:2375"), Map.of());

        assertEquals("tcp://10.0.0.5:2375", engine.label());
        assertEquals(Map.of("DOCKER_HOST", "tcp://10.0.0.5:2375", "DOCKER_CONTEXT", ""), engine.variables());
    }

    @Test
    void anUnknownContextIsAProblemNeverTheLocalEngine() throws IOException {
        context("far", "ssh://far");
        DockerEngine engine = resolve(null, Map.of(), Map.of("DOCKER_CONTEXT", "fra"), Map.of());

        assertTrue(!engine.usable() && engine.problem().contains("does not exist") && engine.problem().contains("far"),
                engine.problem());
    }

    @Test
    void theRunsContextWinsOverEveryPin() throws IOException {
        context("far", "ssh://far");
        DockerEngine engine = resolve("far", Map.of("DOCKER_HOST", "unix:///x.sock"), Map.of(), Map.of());

        assertEquals(DockerEngine.Origin.RUN_OPTION, engine.origin());
        assertEquals("context far", engine.label());
    }

    @Test
    void nothingPinnedIsDockersDefaultAndChangesNoChild() {
        DockerEngine engine = resolve(null, Map.of(), Map.of(), Map.of());

        assertTrue(engine.isDefault());
        assertEquals(Map.of(), engine.variables());
    }

    @Test
    void sshAddressesAreCheckedAsDockerReadsThem() {
        assertEquals("", DockerEngine.ofHost("ssh://deploy@far:2222", DockerEngine.Origin.STACK_ENV).problem());
        assertEquals(2222, SshAddress.parse("ssh://deploy@far:2222").port());
        assertTrue(DockerEngine.ofHost("ssh://far:99999", DockerEngine.Origin.STACK_ENV).problem().contains("port"));
        assertTrue(DockerEngine.ofHost("ftp://far", DockerEngine.Origin.STACK_ENV).problem().contains("unix://"));
    }
}
