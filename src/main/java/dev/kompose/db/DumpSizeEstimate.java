package dev.kompose.db;

/**
 * How big a plain-SQL dump of a database will be, estimated from the database itself as pg_dump
 * starts (in the dump's own snapshot, by {@link SnapshotSession}), so that an export can show a
 * percentage and an ETA.
 *
 * <p>Method: for every ordinary table (leaf partitions included; views, materialized views and
 * foreign tables have no data in a dump) the query measures the text form of its rows, which
 * is what COPY writes into the dump: {@code octet_length(row::text) - 1} (a row's text is its
 * values joined by commas in parentheses; a COPY line joins them by tabs and ends in a newline).
 * Small tables are measured whole; a table larger than {@link #SAMPLED_PAGES} pages is measured
 * on a {@code TABLESAMPLE SYSTEM} sample of about that many pages and scaled up, so the cost stays
 * near-constant (a few MB read) whatever the database's size. Large objects count at their
 * stored size, and each relation adds {@link #BYTES_PER_RELATION} bytes of DDL. Unlike the
 * catalog's relation sizes (which count page headers, tuple headers, free space and dead rows,
 * and binary widths), this tracks the dump's actual text. Statistics (ANALYZE) are not needed.
 * The dynamic per-table query runs inside one SELECT through {@code query_to_xml}, so the estimate
 * is one read-only round trip with no function created on the server.
 */
public final class DumpSizeEstimate {
    static final int SAMPLED_PAGES = 500;
    static final int BYTES_PER_RELATION = 600;

    public static final String QUERY = """
            WITH tables AS (
              SELECT c.oid,
                     greatest(1, pg_relation_size(c.oid) / current_setting('block_size')::bigint) AS pages
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                 AND n.nspname NOT LIKE 'pg_toast%%' AND n.nspname NOT LIKE 'pg_temp%%'
            ), sampled AS (
              SELECT oid, least(100, %d * 100.0 / pages) AS percent FROM tables
            )
            SELECT (coalesce(sum((xpath('/row/b/text()', query_to_xml(format(
                      'SELECT coalesce(sum(octet_length(t::text) - 1), 0) * %%s AS b FROM %%s AS t TABLESAMPLE SYSTEM (%%s)',
                      100.0 / percent, oid::regclass, percent), false, true, '')))[1]::text::numeric), 0)
                    + (SELECT pg_relation_size('pg_largeobject'))
                    + %d * (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                             WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%%'))::bigint
              FROM sampled
            """.formatted(SAMPLED_PAGES, BYTES_PER_RELATION);

    private DumpSizeEstimate() {
    }

    /** The estimate from the query's output: the last line holding only a number, or -1. */
    public static long parse(String output) {
        long estimate = -1;
        for (String line : output.strip().split("\n")) {
            String value = line.strip();
            if (value.matches("\\d{1,19}")) {
                estimate = Long.parseLong(value);
            }
        }
        return estimate;
    }
}
