package dev.kompose.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SqlNamesTest {
    @Test
    void shortNamesGetPlainSuffixes() {
        assertEquals("My-App__kompose_restore", SqlNames.restoreDatabase("My-App"));
        assertEquals("My-App__kompose_previous", SqlNames.previousDatabase("My-App"));
    }

    @Test
    void longNamesStayWithinTheIdentifierLimitAndStayDistinct() {
        String first = "a".repeat(60) + "1";
        String second = "a".repeat(60) + "2";
        String restoreFirst = SqlNames.restoreDatabase(first);

        assertTrue(restoreFirst.getBytes(StandardCharsets.UTF_8).length <= 63, restoreFirst);
        assertTrue(restoreFirst.endsWith("__kompose_restore"));
        assertNotEquals(restoreFirst, SqlNames.restoreDatabase(second));
        String unicode = SqlNames.restoreDatabase("datenbank_" + "ü".repeat(40));
        assertTrue(unicode.getBytes(StandardCharsets.UTF_8).length <= 63, unicode);
    }

    @Test
    void quotingDoublesInnerQuotes() {
        assertEquals("\"a\"\"b\"", SqlNames.quoteIdentifier("a\"b"));
        assertEquals("'it''s'", SqlNames.quoteLiteral("it's"));
    }

    @Test
    void aDatabaseNameLibpqWouldReadAsConnectionStringIsPassedAsData() {
        assertEquals("plain-name", PostgresClient.databaseArgument("plain-name"));
        assertEquals("dbname='host=evil dbname=other'", PostgresClient.databaseArgument("host=evil dbname=other"));
        assertEquals("dbname='postgres://x/y'", PostgresClient.databaseArgument("postgres://x/y"));
        assertEquals("dbname='a=\\'b\\\\'", PostgresClient.databaseArgument("a='b\\"));
    }
}
