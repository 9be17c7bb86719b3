package dev.kompose.db;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names of the databases a safe import uses next to the live one, within PostgreSQL's 63-byte
 * identifier limit (a long name is shortened and made unique with a hash, never silently cut).
 */
public final class SqlNames {
    static final int MAXIMUM_IDENTIFIER_BYTES = 63;

    private SqlNames() {
    }

    /** Where the dump is restored before it replaces the live database. */
    public static String restoreDatabase(String live) {
        return withSuffix(live, "__kompose_restore");
    }

    /** The scratch database db:verify restores a dump into, dropped when it is done. */
    public static String verifyDatabase(String live) {
        return withSuffix(live, "__kompose_verify");
    }

    /** The live database's name while the new one takes its place, until it is dropped. */
    public static String previousDatabase(String live) {
        return withSuffix(live, "__kompose_previous");
    }

    /** The dated name a previous database keeps with --keep-previous. */
    public static String keptDatabase(String live, String timestamp) {
        return withSuffix(live, "_previous_" + timestamp);
    }

    static String withSuffix(String base, String suffix) {
        String candidate = base + suffix;
        if (candidate.getBytes(StandardCharsets.UTF_8).length <= MAXIMUM_IDENTIFIER_BYTES) {
            return candidate;
        }
        String hash = "_" + shortHash(base);
        int budget = MAXIMUM_IDENTIFIER_BYTES - suffix.length() - hash.length();
        StringBuilder shortened = new StringBuilder();
        int bytes = 0;
        for (int offset = 0; offset < base.length(); ) {
            int codePoint = base.codePointAt(offset);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > budget) {
                break;
            }
            shortened.appendCodePoint(codePoint);
            bytes += size;
            offset += Character.charCount(codePoint);
        }
        return shortened + hash + suffix;
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is always available", impossible);
        }
    }

    /** An identifier as SQL text, for display: "name" with inner quotes doubled. */
    public static String quoteIdentifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** A string literal as SQL text, for display: 'text' with inner quotes doubled. */
    public static String quoteLiteral(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
