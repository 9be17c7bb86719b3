package dev.kompose.compose;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells whether a container image is a PostgreSQL server, by what the image is rather than by a
 * substring: the official image under any registry or mirror, and the common images built on it.
 * Tools that merely talk to PostgreSQL (exporters, poolers, admin UIs, backup sidecars, REST
 * layers) are not servers and are not recognised.
 */
public final class PostgresImages {

    /**
     * Repositories of PostgreSQL server images, as their last two path parts (owner/name), so that
     * any registry or mirror prefix in front still matches. An entry ending in {@code *} matches
     * every name that starts with the text before it (images that put the version in the name).
     */
    private static final List<String> SERVER_REPOSITORIES = List.of(
            "postgis/postgis", "kartoza/postgis", "mdillon/postgis", "imresamu/postgis",
            "timescale/timescaledb", "timescale/timescaledb-ha", "timescale/timescaledb-postgis",
            "pgvector/pgvector", "ankane/pgvector",
            "bitnami/postgresql", "bitnami/postgresql-repmgr",
            "supabase/postgres",
            "cloudnative-pg/postgresql", "cloudnative-pg/postgis",
            "tensorchord/pgvecto-rs", "tensorchord/vchord-postgres", "immich-app/postgres",
            "paradedb/paradedb", "apache/age", "citusdata/citus", "orioledb/orioledb",
            "hydradatabase/hydra", "groonga/pgroonga", "pgrouting/pgrouting",
            "crunchydata/crunchy-postgres", "crunchydata/crunchy-postgres-gis",
            "percona/percona-distribution-postgresql",
            "cimg/postgres", "circleci/postgres",
            "zalando/spilo-*",
            "rhel8/postgresql-*", "rhel9/postgresql-*", "rhel10/postgresql-*", "sclorg/postgresql-*",
            "centos/postgresql-*");

    /**
     * Verdicts given, by image reference: a stack's services are asked about several times while it is
     * read and listed, and a thousand stacks tend to run a handful of images (the judging was a tenth of
     * a 1,000-stack listing's read). Bounded, for a long shell session.
     */
    private static final Map<String, Boolean> VERDICTS = new ConcurrentHashMap<>();
    private static final int MAXIMUM_REMEMBERED = 4096;

    private PostgresImages() {
    }

    /**
     * Tells whether an image reference names a PostgreSQL server image.
     *
     * @param image an image reference as compose runs it (already interpolated), e.g.
     *     {@code postgres:16-alpine}, {@code docker.io/library/postgres@sha256:…},
     *     {@code ghcr.io/cloudnative-pg/postgresql:16}; null or blank is not PostgreSQL
     * @return true for the official image and the known derivatives
     */
    public static boolean isPostgresServer(String image) {
        if (image == null) {
            return false;
        }
        Boolean known = VERDICTS.get(image);
        if (known != null) {
            return known;
        }
        boolean verdict = judge(image);
        if (VERDICTS.size() < MAXIMUM_REMEMBERED) {
            VERDICTS.put(image, verdict);
        }
        return verdict;
    }

    private static boolean judge(String image) {
        List<String> path = repositoryPath(image);
        if (path.isEmpty()) {
            return false;
        }
        String name = path.get(path.size() - 1);
        if (name.equals("postgres") && (path.size() == 1 || path.get(path.size() - 2).equals("library"))) {
            return true;
        }
        if (path.size() < 2) {
            return false;
        }
        String ownerAndName = path.get(path.size() - 2) + "/" + name;
        for (String repository : SERVER_REPOSITORIES) {
            boolean matches = repository.endsWith("*")
                    ? ownerAndName.startsWith(repository.substring(0, repository.length() - 1))
                    : ownerAndName.equals(repository);
            if (matches) {
                return true;
            }
        }
        return false;
    }

    /**
     * The repository path of an image reference in lower case, without registry host, tag or
     * digest: {@code mirror.gcr.io/library/postgres:16@sha256:ab} gives [library, postgres].
     */
    static List<String> repositoryPath(String image) {
        if (image == null) {
            return List.of();
        }
        String reference = image.strip().toLowerCase(Locale.ROOT);
        int digest = reference.indexOf('@');
        if (digest >= 0) {
            reference = reference.substring(0, digest);
        }
        int tag = reference.lastIndexOf(':');
        if (tag > reference.lastIndexOf('/')) {
            reference = reference.substring(0, tag);
        }
        if (reference.isEmpty()) {
            return List.of();
        }
        List<String> parts = Arrays.asList(reference.split("/", -1));
        String first = parts.get(0);
        boolean registryHost = first.contains(".") || first.contains(":") || first.equals("localhost");
        if (parts.size() > 1 && registryHost) {
            parts = parts.subList(1, parts.size());
        }
        return parts.contains("") ? List.of() : List.copyOf(parts);
    }
}
