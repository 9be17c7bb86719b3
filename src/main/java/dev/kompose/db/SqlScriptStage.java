package dev.kompose.db;

import dev.kompose.exec.CommandSpec;
import dev.kompose.exec.ExecutionResult;
import dev.kompose.plan.Artifact;
import dev.kompose.plan.Stage;
import dev.kompose.plan.StageContext;
import dev.kompose.plan.StageKind;
import dev.kompose.plan.StageResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A psql script run against the maintenance database. Database names reach it only as psql
 * variables ({@code :"name"} for identifiers, {@code :'name'} for literals), so quotes, hyphens,
 * mixed case or {@code --} in a name stay data.
 *
 * @param name short name ("create-restore-database", "swap")
 * @param description what it does, for an operator
 * @param script the psql script
 * @param variables psql variables the script uses
 * @param client where it connects
 * @param maintenanceDatabase the database psql connects to (never one the script renames or drops)
 * @param destructive true when it replaces or drops a database
 * @param skipConsequence what skipping it means
 * @param artifacts what a successful run produced (the database it replaced), for the listeners
 */
public record SqlScriptStage(String name, String description, String script, Map<String, String> variables,
        PostgresClient client, String maintenanceDatabase, boolean destructive, String skipConsequence,
        List<Artifact> artifacts) implements Stage {

    public SqlScriptStage {
        variables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        artifacts = List.copyOf(artifacts);
    }

    @Override
    public StageKind kind() {
        return StageKind.SQL;
    }

    @Override
    public List<String> commandText() {
        List<String> lines = new ArrayList<>();
        lines.add(command(Path.of("<script>")).describe());
        variables.forEach((variable, value) -> lines.add("  -- :" + variable + " = " + SqlNames.quoteLiteral(value)));
        script.strip().lines().forEach(line -> lines.add("  " + line));
        return lines;
    }

    CommandSpec command(Path scriptFile) {
        return client.script(maintenanceDatabase, scriptFile, variables);
    }

    @Override
    public StageResult run(StageContext context) {
        Path scriptFile;
        try {
            scriptFile = Files.createTempFile("kompose-", ".sql");
            Files.writeString(scriptFile, script, StandardCharsets.UTF_8);
        } catch (IOException cannotWrite) {
            return StageResult.failed("cannot write the SQL script to a temporary file: " + cannotWrite.getMessage());
        }
        try {
            ExecutionResult result = context.execute(command(scriptFile));
            if (result.cancelled()) {
                return StageResult.cancelled(name + " was stopped");
            }
            return result.succeeded() ? new StageResult(StageResult.Status.SUCCEEDED, "", artifacts) : StageResult.failed("psql failed: " + result.explain());
        } finally {
            try {
                Files.deleteIfExists(scriptFile);
            } catch (IOException leftBehind) {
                context.report("could not delete the temporary script " + scriptFile);
            }
        }
    }
}
