package dev.kompose.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HookCatalogTest {
    @Test
    void findsEveryDefinitionFormWithoutRunningTheFile() {
        String script = """
                #!/usr/bin/env bash
                echo this line would run if the file were sourced
                hook_pre_db_export() {
                    echo "  Exporting { braces in strings } are fine"
                    return 0
                }
                function hook_post_db_export {
                    local dump_file="$1"   # a comment with a } brace
                }
                function hook_pre_up() { echo up; }
                  hook_post_up () {
                    :
                  }
                helper() { :; }
                # hook_commented_out() { :; }
                """;

        HookCatalog catalog = HookCatalog.parse(Path.of("hooks.sh"), script);

        assertEquals(Set.of("hook_pre_db_export", "hook_post_db_export", "hook_pre_up", "hook_post_up"),
                catalog.functionNames());
        assertEquals(List.of("hook_pre_db_export() {", "    echo \"  Exporting { braces in strings } are fine\"",
                "    return 0", "}"), catalog.functionText("hook_pre_db_export").orElseThrow().lines().toList());
        assertEquals("function hook_pre_up() { echo up; }", catalog.functionText("hook_pre_up").orElseThrow());
        assertEquals("function hook_post_db_export {\n    local dump_file=\"$1\"   # a comment with a } brace\n}",
                catalog.functionText("hook_post_db_export").orElseThrow());
    }
}
