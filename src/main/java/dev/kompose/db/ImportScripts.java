package dev.kompose.db;

/**
 * The psql scripts of a safe import. The dump is restored into a new database; only when that
 * succeeded is the live database closed to new sessions, its sessions ended, and the two swapped
 * by renaming in one transaction. Names arrive as psql variables, never spliced into the text.
 */
final class ImportScripts {
    private ImportScripts() {
    }

    /** Ends every other session on the database named by the setting kompose.database and waits until they are gone. */
    private static final String END_SESSIONS = """
            DO $kompose$
            DECLARE
              target text := current_setting('kompose.database');
              deadline timestamptz := clock_timestamp() + interval '30 seconds';
            BEGIN
              LOOP
                PERFORM pg_stat_clear_snapshot();
                PERFORM pg_terminate_backend(pid) FROM pg_stat_activity
                 WHERE datname = target AND pid <> pg_backend_pid();
                PERFORM pg_stat_clear_snapshot();
                EXIT WHEN NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = target AND pid <> pg_backend_pid());
                IF clock_timestamp() > deadline THEN
                  RAISE EXCEPTION 'sessions on database % did not end within 30 seconds', target;
                END IF;
                PERFORM pg_sleep(0.1);
              END LOOP;
            END
            $kompose$;
            """;

    static final String CREATE_RESTORE_DATABASE = """
            SET client_min_messages = warning;
            SELECT set_config('kompose.database', :'restore_database', false) AS ignored \\gset
            """ + END_SESSIONS + """
            DROP DATABASE IF EXISTS :"restore_database";
            SELECT format('CREATE DATABASE %I OWNER %I TEMPLATE template0 ENCODING %L LC_COLLATE %L LC_CTYPE %L',
                          :'restore_database', pg_get_userbyid(datdba), pg_encoding_to_char(encoding), datcollate, datctype)
              FROM pg_database WHERE datname = :'live_database'
            UNION ALL
            SELECT format('CREATE DATABASE %I TEMPLATE template0', :'restore_database')
             WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'live_database')
            \\gexec
            """;

    static final String SWAP = """
            SET client_min_messages = warning;
            SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'restore_database') AS restore_exists,
                   EXISTS (SELECT 1 FROM pg_database WHERE datname = :'live_database') AS live_exists,
                   EXISTS (SELECT 1 FROM pg_database WHERE datname = :'previous_database') AS previous_exists \\gset
            \\if :restore_exists
            \\else
              \\echo 'the restored database is missing: nothing was swapped'
              \\quit 3
            \\endif
            \\if :previous_exists
              ALTER DATABASE :"previous_database" RENAME TO :"stale_previous_database";
            \\endif
            \\if :live_exists
              ALTER DATABASE :"live_database" WITH ALLOW_CONNECTIONS false;
              SELECT set_config('kompose.database', :'live_database', false) AS ignored \\gset
            """ + END_SESSIONS + """
              BEGIN;
              ALTER DATABASE :"live_database" RENAME TO :"previous_database";
              ALTER DATABASE :"restore_database" RENAME TO :"live_database";
              COMMIT;
            \\else
              ALTER DATABASE :"restore_database" RENAME TO :"live_database";
            \\endif
            """;

    static final String DROP_PREVIOUS = """
            SET client_min_messages = warning;
            SELECT set_config('kompose.database', :'previous_database', false) AS ignored \\gset
            """ + END_SESSIONS + """
            DROP DATABASE IF EXISTS :"previous_database";
            """;

    static final String KEEP_PREVIOUS = """
            SET client_min_messages = warning;
            SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'previous_database') AS previous_exists \\gset
            \\if :previous_exists
              ALTER DATABASE :"previous_database" RENAME TO :"kept_database";
              ALTER DATABASE :"kept_database" WITH ALLOW_CONNECTIONS true;
            \\endif
            """;

    /** After a failure or cancel: the restore database goes, the live one is open to sessions again. */
    static final String ROLL_BACK = """
            SET client_min_messages = warning;
            SELECT set_config('kompose.database', :'restore_database', false) AS ignored \\gset
            """ + END_SESSIONS + """
            DROP DATABASE IF EXISTS :"restore_database";
            SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'live_database') AS live_exists \\gset
            \\if :live_exists
              ALTER DATABASE :"live_database" WITH ALLOW_CONNECTIONS true;
            \\endif
            """;

    /** db:verify's clean-up: its scratch database's sessions ended and the database dropped; nothing else. */
    static final String DROP_SCRATCH = """
            SET client_min_messages = warning;
            SELECT set_config('kompose.database', :'restore_database', false) AS ignored \\gset
            """ + END_SESSIONS + """
            DROP DATABASE IF EXISTS :"restore_database";
            """;
}
