package dev.kompose.e2e;

/**
 * Which Docker Compose kompose drives in an e2e run. V2 leaves KOMPOSE_COMPOSE empty so kompose
 * detects the plugin itself; V1 names docker-compose through KOMPOSE_COMPOSE.
 *
 * @param komposeCompose the KOMPOSE_COMPOSE value kompose gets ("" = detect)
 * @param programText how kompose's output names the program
 * @param separator between project, service and number in container names (v1 news_db_1, v2 news-db-1)
 */
public enum ComposeFlavour {
    V1("docker-compose", "docker-compose", "_"),
    V2("", "docker compose", "-");

    private final String komposeCompose;
    private final String programText;
    private final String separator;

    ComposeFlavour(String komposeCompose, String programText, String separator) {
        this.komposeCompose = komposeCompose;
        this.programText = programText;
        this.separator = separator;
    }

    public String komposeCompose() {
        return komposeCompose;
    }

    public String programText() {
        return programText;
    }

    /** The name compose gives the first container of a service. */
    public String containerName(String project, String service) {
        return project + separator + service + separator + "1";
    }
}
