package dev.kompose.db;

import dev.kompose.compose.ComposeService;
import dev.kompose.exec.CommandSpec;
import dev.kompose.exec.ExecutionResult;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The check before planning a real db:export or db:import: do the chosen tools exist and answer,
 * and is their major version at least the server's? pg_dump refuses a newer server ("aborting
 * because of server version mismatch") and an older psql or pg_restore may not understand a newer
 * server's dump, so a client older than the server is never used: DB_CLIENT=host stops here naming
 * both versions and the fix; auto takes the stack's PostgreSQL service instead when it is the same
 * server. The other errors found here — the service not running, the role missing, the tool not in
 * the image, the server not answering — stop the stack the same way, before any hook or change.
 * Builds the commands and reads their answers; the caller runs them (only the command line layer
 * starts processes).
 */
public final class ToolCheck {
    private static final Pattern TOOL_VERSION = Pattern.compile("\\(PostgreSQL\\)\\s+(\\d+)(?:\\.(\\d+))?");

    /** What running one probe gave: how it ended and its standard output and error lines. */
    public record Answer(ExecutionResult result, List<String> out, List<String> err) {
        public Answer {
            out = List.copyOf(out);
            err = List.copyOf(err);
        }

        String errText() {
            return String.join(" ", err).strip();
        }
    }

    private final Function<CommandSpec, Answer> runner;

    /** @param runner runs a probe command and collects its output (Operations hands in the session's process runner) */
    public ToolCheck(Function<CommandSpec, Answer> runner) {
        this.runner = runner;
    }

    /**
     * The checked choice for a stack: the same place with what was found ("pg_dump 15.13, server 15.13"),
     * the container instead of an unusable host client (auto only), or a refusal saying what is wrong.
     *
     * @param choice the choice from the settings ({@link ToolChoice#choose})
     * @param hostClient the client for the host's tools
     * @param containerClient the client for the service's tools, given the service (for a container choice or a fallback)
     */
    public ToolChoice check(ToolChoice choice, PostgresClient hostClient,
            Function<ComposeService, PostgresClient> containerClient) {
        if (choice instanceof ToolChoice.Refused) {
            return choice;
        }
        if (choice instanceof ToolChoice.Container container) {
            return checkContainer(container, containerClient.apply(container.service()));
        }
        ToolChoice.Host host = (ToolChoice.Host) choice;
        Versions found = versions(hostClient);
        if (found.problem == null && found.clientMajor >= found.serverMajor) {
            return new ToolChoice.Host(host.reason(), null, found.text());
        }
        String why = found.problem != null ? found.problem
                : "the host's pg_dump " + found.client + " is older than the server (PostgreSQL " + found.server + ")";
        if (host.fallback() != null) {
            ToolChoice.Container instead = new ToolChoice.Container(host.fallback(),
                    "DB_HOST=" + hostClient.settings().host() + " is service " + host.fallback().name() + " and " + why, "");
            ToolChoice checked = checkContainer(instead, containerClient.apply(host.fallback()));
            if (checked instanceof ToolChoice.Refused refused) {
                return new ToolChoice.Refused(why + ", and the tools in the stack's PostgreSQL service cannot be used"
                        + " instead: " + refused.reason());
            }
            return checked;
        }
        if (found.problem != null) {
            return new ToolChoice.Refused(found.problem + "; nothing was changed");
        }
        return new ToolChoice.Refused(why + " and is never used against a newer server; nothing was changed."
                + " Fix: install the PostgreSQL " + found.serverMajor + " client tools on this host, or set"
                + " DB_CLIENT=container (or --db-client container) to run the tools inside the stack's PostgreSQL service");
    }

    private ToolChoice checkContainer(ToolChoice.Container container, PostgresClient client) {
        Versions found = versions(client);
        String service = container.service().name();
        if (found.problem != null) {
            return new ToolChoice.Refused("in service " + service + ": " + found.problem + "; nothing was changed");
        }
        if (found.clientMajor < found.serverMajor) {
            return new ToolChoice.Refused("pg_dump " + found.client + " in service " + service + " is older than its server"
                    + " (PostgreSQL " + found.server + "); nothing was changed. Fix: run the tools where they match"
                    + " (DB_CLIENT=host with a PostgreSQL " + found.serverMajor + " client on this host)");
        }
        return new ToolChoice.Container(container.service(), container.reason(), found.text());
    }

    /** Client and server versions, or the first problem met asking for them. */
    private Versions versions(PostgresClient client) {
        String where = client.inContainer() ? "" : " on this host";
        // in a container each exec costs a compose start-up: one psql answers both questions there; on the
        // host pg_dump --version runs beside the server's question, its answer used only when the server
        // answered. On a thread of its own: it waits on a process, which the common pool is not for (with
        // several stacks checked at once, its one worker on 2 cores would run their probes in a row)
        CompletableFuture<Answer> hostTool = client.inContainer() ? null
                : CompletableFuture.supplyAsync(() -> runner.apply(client.toolVersion("pg_dump")), ToolCheck::onOwnThread);
        Answer server = runner.apply(client.serverVersion(client.inContainer()));
        if (!server.result().succeeded()) {
            return Versions.failed(explainServer(client, server));
        }
        int number;
        try {
            number = Integer.parseInt(server.out().isEmpty() ? "" : server.out().get(0).strip());
        } catch (NumberFormatException unexpected) {
            return Versions.failed("the server's version is unreadable: " + String.join(" ", server.out()));
        }
        int serverMajor = number / 10000;
        String serverText = serverMajor + "." + (number % 10000);
        Answer tool = client.inContainer()
                ? new Answer(server.out().size() > 1 ? server.result()
                        : new ExecutionResult(127, false, false, null, server.result().elapsed()),
                        server.out().subList(Math.min(1, server.out().size()), server.out().size()), server.err())
                : answerOf(hostTool);
        if (!tool.result().succeeded()) {
            return new Versions(0, "", serverMajor, serverText, missingTool(client, "pg_dump", tool, where));
        }
        Matcher version = TOOL_VERSION.matcher(String.join(" ", tool.out()));
        if (!version.find()) {
            return new Versions(0, "", serverMajor, serverText, "pg_dump --version" + where + " said: " + String.join(" ", tool.out()));
        }
        int clientMajor = Integer.parseInt(version.group(1));
        String clientText = clientMajor + (version.group(2) == null ? "" : "." + version.group(2));
        return new Versions(clientMajor, clientText, serverMajor, serverText, null);
    }

    private static void onOwnThread(Runnable probe) {
        Thread thread = new Thread(probe, "kompose-tool-version");
        thread.setDaemon(true);
        thread.start();
    }

    private static Answer answerOf(CompletableFuture<Answer> probe) {
        try {
            return probe.join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
    }

    private static String missingTool(PostgresClient client, String tool, Answer answer, String where) {
        String err = answer.errText();
        if (answer.result().startFailure() != null || err.contains("not found") || answer.result().exitCode() == 127
                || answer.result().exitCode() == 126) {
            return "no " + tool + (client.inContainer() ? " in the image of service " + client.container().service()
                    : where) + (err.isEmpty() ? "" : " (" + err + ")");
        }
        return tool + " --version failed" + where + ": " + (err.isEmpty() ? answer.result().explain() : err);
    }

    private static String explainServer(PostgresClient client, Answer answer) {
        String err = answer.errText();
        String lower = err.toLowerCase(Locale.ROOT);
        String user = client.settings().user();
        if (client.inContainer()) {
            String service = client.container().service();
            if (lower.contains("is not running") || lower.contains("no container found") || lower.contains("not running")) {
                return "service " + service + " is not running (start it: kompose <stack> up -d)";
            }
            if (err.isEmpty() && String.join("", answer.out()).isBlank() && answer.result().exitCode() == 1) {
                // docker-compose 1.29 says nothing at all when the service's container is not running
                return "service " + service + " is not running (docker compose exec failed without a word, exit status 1;"
                        + " start it: kompose <stack> up -d)";
            }
            if (lower.contains("executable file not found") || lower.contains("no such file or directory")
                    || answer.result().exitCode() == 126 || answer.result().exitCode() == 127) {
                return "no psql in the image of service " + service + " (" + err + ")";
            }
        } else if (answer.result().startFailure() != null) {
            return "no psql on this host (" + answer.result().startFailure() + ")";
        }
        if (lower.contains("role \"" + user.toLowerCase(Locale.ROOT) + "\" does not exist") || lower.contains("does not exist")
                && lower.contains("role")) {
            return "the role " + user + " does not exist on the server (DB_USER, or POSTGRES_USER of the service)";
        }
        return "cannot reach the server " + client.placeText() + ": " + (err.isEmpty() ? answer.result().explain() : err);
    }

    private record Versions(int clientMajor, String client, int serverMajor, String server, String problem) {
        static Versions failed(String problem) {
            return new Versions(0, "", 0, "", problem);
        }

        String text() {
            return "pg_dump " + client + ", server " + server;
        }
    }
}
