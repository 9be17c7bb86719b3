package dev.kompose.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PostgreSQL servers are recognised by what the image is, not by "postgres" anywhere in the name. */
class PostgresImagesTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "postgres", "postgres:16", "postgres:16-alpine", "POSTGRES:17", "library/postgres:15",
        "docker.io/postgres:16", "docker.io/library/postgres:16-alpine",
        "docker.io/library/postgres:15.13-alpine@sha256:1414298ea93186123a6dcf872f778ba3bd2347edcbd2f31aa7bb2d9814ff5393",
        "postgres@sha256:abcdef", "mirror.gcr.io/library/postgres:16", "public.ecr.aws/docker/library/postgres:16",
        "localhost:5000/postgres:16", "registry.example.com:5000/library/postgres", "  postgres:16  ",
        "postgis/postgis:16-3.4", "postgis/postgis:16-3.4-alpine", "kartoza/postgis:16",
        "timescale/timescaledb:latest-pg16", "timescale/timescaledb-ha:pg16", "pgvector/pgvector:pg16",
        "ankane/pgvector", "bitnami/postgresql:16", "docker.io/bitnami/postgresql:16.4.0",
        "bitnami/postgresql-repmgr:16", "supabase/postgres:15.1.0.147", "ghcr.io/cloudnative-pg/postgresql:16.4",
        "ghcr.io/cloudnative-pg/postgis:16", "tensorchord/pgvecto-rs:pg14-v0.2.0", "docker.io/tensorchord/pgvecto-rs:pg15-v0.3.0",
        "tensorchord/vchord-postgres:pg17-v0.4.3", "ghcr.io/immich-app/postgres:14-vectorchord0.4.3-pgvectors0.2.0",
        "paradedb/paradedb:latest", "apache/age", "citusdata/citus:12.1", "orioledb/orioledb:latest-pg17",
        "ghcr.io/hydradatabase/hydra:latest", "groonga/pgroonga:latest-debian-16", "pgrouting/pgrouting:16-3.4-3.6.1",
        "registry.developers.crunchydata.com/crunchydata/crunchy-postgres:ubi8-16.4-1",
        "percona/percona-distribution-postgresql:16", "cimg/postgres:16.2", "circleci/postgres:12",
        "ghcr.io/zalando/spilo-16:3.3-p1", "registry.redhat.io/rhel9/postgresql-16", "quay.io/sclorg/postgresql-16-c9s",
        "harbor.example.com/dockerhub-proxy/postgis/postgis:16-3.4",
    })
    void serverImagesAreRecognised(String image) {
        assertTrue(PostgresImages.isPostgresServer(image), image);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", " ", "prometheuscommunity/postgres-exporter", "quay.io/prometheuscommunity/postgres-exporter:v0.15.0",
        "wrouesnel/postgres_exporter", "pgbouncer/pgbouncer", "edoburu/pgbouncer", "bitnami/pgbouncer:1",
        "bitnami/pgpool", "dpage/pgadmin4", "prodrigestivill/postgres-backup-local:16", "eeshugerman/postgres-backup-s3:16",
        "kartoza/pg-backup", "postgrest/postgrest", "adminer", "sosedoff/pgweb", "ankane/pghero",
        "nginx", "redis:7", "mysql:8", "mariadb", "my-postgres", "postgres-alpine", "acme/postgres",
        "library/postgres-exporter", "postgresql", "ghcr.io/acme/postgres-tools:1", "postgres/postgres",
        "supabase/postgres-meta:v0.80.0", "timescale/promscale", "bitnami/postgres-exporter", "${PG_IMAGE}",
    })
    void toolsAndOtherImagesAreNot(String image) {
        assertFalse(PostgresImages.isPostgresServer(image), image);
    }

    @Test
    void nullIsNotAServer() {
        assertFalse(PostgresImages.isPostgresServer(null));
    }

    @Test
    void theRepositoryPathDropsRegistryTagAndDigest() {
        assertEquals(List.of("library", "postgres"), PostgresImages.repositoryPath("mirror.gcr.io/library/postgres:16@sha256:ab"));
        assertEquals(List.of("postgres"), PostgresImages.repositoryPath("localhost:5000/postgres"));
        assertEquals(List.of("postgis", "postgis"), PostgresImages.repositoryPath("PostGIS/PostGIS:16-3.4"));
        assertEquals(List.of(), PostgresImages.repositoryPath("a//b"));
    }
}
