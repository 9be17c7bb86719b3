package dev.kompose.db;

import dev.kompose.plan.Stage;
import dev.kompose.plan.StageContext;
import dev.kompose.plan.StageKind;
import dev.kompose.plan.StageResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The first stage of an export or import: says where the database tools run and why, and where
 * each setting came from, so dry-run, step-through and the progress lines show it. The check itself
 * (tools present, versions, service running, role) ran before planning; this stage reports what it
 * found and changes nothing.
 */
public record DatabaseToolsStage(ToolChoice choice, DatabaseSettings settings) implements Stage {

    @Override
    public StageKind kind() {
        return StageKind.CHECK;
    }

    /** Kompose's own check of where the tools run: one short line in step-through, the details on request. */
    @Override
    public boolean safeguard() {
        return true;
    }

    @Override
    public String name() {
        return "db-tools";
    }

    @Override
    public String description() {
        return "database tools: " + choice.describe();
    }

    @Override
    public List<String> commandText() {
        List<String> lines = new ArrayList<>();
        lines.add("settings: " + settings.describeOrigins());
        String checked = checked();
        lines.add(checked.isEmpty() ? "versions: checked before a real run (client major >= server major)" : "checked: " + checked);
        return lines;
    }

    @Override
    public String skipConsequence() {
        return "nothing: this stage only reports";
    }

    private String checked() {
        if (choice instanceof ToolChoice.Container container) {
            return container.checked();
        }
        if (choice instanceof ToolChoice.Host host) {
            return host.checked();
        }
        return "";
    }

    @Override
    public StageResult run(StageContext context) {
        String checked = checked();
        return StageResult.succeeded(choice.describe() + (checked.isEmpty() ? "" : ": " + checked));
    }
}
