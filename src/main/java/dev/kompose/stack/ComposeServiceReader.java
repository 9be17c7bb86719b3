package dev.kompose.stack;

import dev.kompose.compose.ComposeEnvFile;
import dev.kompose.compose.ComposePort;
import dev.kompose.compose.ComposeService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns the parsed YAML of one compose file (maps, lists and scalars) into service facts,
 * interpolating the values it keeps with the stack's environment. Anything of an unexpected
 * type is left out with a problem naming where it was, never an exception.
 */
final class ComposeServiceReader {
    /** Merge keys ({@code <<:}) may merge maps that merge others; this deep at most. */
    private static final int MAXIMUM_MERGE_DEPTH = 16;

    private final Path source;
    private final Function<String, String> lookup;
    private final List<String> problems;

    ComposeServiceReader(Path source, Function<String, String> lookup, List<String> problems) {
        this.source = source;
        this.lookup = lookup;
        this.problems = problems;
    }

    /** One entry under {@code services:}, or empty (with a problem) when it is not a mapping. */
    Optional<ComposeService> service(String name, Object definition) {
        String where = "services." + name;
        Map<String, Object> fields = definition == null ? Map.of() : mapping(definition, where);
        if (fields == null) {
            return Optional.empty();
        }
        String imageAsWritten = text(fields.get("image"), where + ".image");
        String image = interpolate(imageAsWritten, where + ".image");
        String containerName = interpolate(text(fields.get("container_name"), where + ".container_name"),
                where + ".container_name");
        return Optional.of(new ComposeService(name, imageAsWritten, image, containerName,
                ports(fields.get("ports"), where + ".ports"),
                environment(fields.get("environment"), where + ".environment"),
                envFiles(fields.get("env_file"), where + ".env_file")));
    }

    /**
     * A YAML mapping with string keys and its merge keys ({@code <<: *anchor} or a list of
     * anchors) applied: its own keys win, then earlier merged maps over later ones. Null, with a
     * problem, when the value is not a mapping.
     */
    Map<String, Object> mapping(Object value, String where) {
        return mapping(value, where, 0);
    }

    private Map<String, Object> mapping(Object value, String where, int depth) {
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(source + ": " + where + " is " + typeName(value) + ", expected a mapping");
            return null;
        }
        Map<String, Object> entries = new LinkedHashMap<>();
        map.forEach((key, entry) -> {
            if (!"<<".equals(key)) {
                entries.put(String.valueOf(key), entry);
            }
        });
        Object merged = map.get("<<");
        if (merged == null) {
            return entries;
        }
        if (depth >= MAXIMUM_MERGE_DEPTH) {
            problems.add(source + ": " + where + ": merge keys nested more than " + MAXIMUM_MERGE_DEPTH + " deep");
            return entries;
        }
        List<?> sources = merged instanceof List<?> list ? list : List.of(merged);
        for (Object mergedSource : sources) {
            Map<String, Object> mergedEntries = mapping(mergedSource, where + ".<<", depth + 1);
            if (mergedEntries != null) {
                mergedEntries.forEach(entries::putIfAbsent);
            }
        }
        return entries;
    }

    /** A scalar as text ("" for null or absent); anything else is a problem and gives "". */
    String text(Object value, String where) {
        if (value == null) {
            return "";
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        problems.add(source + ": " + where + " is " + typeName(value) + ", expected text");
        return "";
    }

    private String interpolate(String text, String where) {
        if (text.indexOf('$') < 0) {
            return text;
        }
        Interpolator.Result result = Interpolator.interpolate(text, lookup);
        result.problems().forEach(problem -> problems.add(source + ": " + where + ": " + problem));
        return result.value();
    }

    private List<ComposePort> ports(Object value, String where) {
        List<ComposePort> ports = new ArrayList<>();
        for (Object entry : list(value, where)) {
            if (entry instanceof Map<?, ?>) {
                Map<String, Object> port = mapping(entry, where);
                ports.add(new ComposePort(field(port, "host_ip", where), field(port, "published", where),
                        field(port, "target", where), field(port, "protocol", where)));
            } else {
                String text = interpolate(text(entry, where), where);
                if (!text.isBlank()) {
                    ports.add(ComposePort.parse(text));
                }
            }
        }
        return ports;
    }

    private String field(Map<String, Object> map, String name, String where) {
        return interpolate(text(map.get(name), where + "." + name), where + "." + name);
    }

    /** {@code environment:} as a map ({@code KEY: value}) or a list ({@code - KEY=value}, {@code - KEY}). */
    private Map<String, String> environment(Object value, String where) {
        Map<String, String> variables = new LinkedHashMap<>();
        if (value instanceof Map<?, ?>) {
            Map<String, Object> map = mapping(value, where);
            map.forEach((name, written) -> put(variables, name, written == null ? null : text(written, where + "." + name),
                    where + "." + name));
            return variables;
        }
        for (Object entry : list(value, where)) {
            String text = text(entry, where);
            int equals = text.indexOf('=');
            if (equals < 0) {
                put(variables, text.strip(), null, where);
            } else {
                put(variables, text.substring(0, equals).strip(), text.substring(equals + 1), where + "." + text.substring(0, equals));
            }
        }
        return variables;
    }

    /** Puts one variable; one written without a value takes the stack's value, if it has one. */
    private void put(Map<String, String> variables, String name, String written, String where) {
        if (name.isEmpty()) {
            return;
        }
        String value = written == null ? lookup.apply(name) : interpolate(written, where);
        if (value != null) {
            variables.put(name, value);
        }
    }

    /** {@code env_file:} as one path, a list of paths, or a list of {@code {path, required}}. */
    private List<ComposeEnvFile> envFiles(Object value, String where) {
        List<ComposeEnvFile> files = new ArrayList<>();
        List<?> entries = value instanceof String ? List.of(value) : list(value, where);
        for (Object entry : entries) {
            String path;
            boolean required = true;
            if (entry instanceof Map<?, ?>) {
                Map<String, Object> longSyntax = mapping(entry, where);
                path = field(longSyntax, "path", where);
                required = !"false".equalsIgnoreCase(text(longSyntax.get("required"), where + ".required"));
            } else {
                path = interpolate(text(entry, where), where);
            }
            if (!path.isBlank()) {
                files.add(envFile(path, required, where));
            }
        }
        return files;
    }

    private ComposeEnvFile envFile(String path, boolean required, String where) {
        Path folder = source.toAbsolutePath().getParent();
        Path file = folder == null ? Path.of(path) : folder.resolve(path);
        if (!Files.isRegularFile(file)) {
            if (required) {
                problems.add(source + ": " + where + ": " + path + " not found");
            }
            return ComposeEnvFile.notRead(path, required);
        }
        EnvFile values = EnvFileParser.read(file, lookup);
        values.problems().forEach(problem -> problems.add(problem.describe()));
        return new ComposeEnvFile(path, required, true, values.values());
    }

    /** A YAML sequence; null is an empty one; anything else is a problem and gives an empty one. */
    private List<?> list(Object value, String where) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list;
        }
        problems.add(source + ": " + where + " is " + typeName(value) + ", expected a list");
        return List.of();
    }

    private static String typeName(Object value) {
        if (value == null) {
            return "empty";
        }
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return "a scalar";
        }
        return "a " + value.getClass().getSimpleName();
    }
}
