package dev.kompose.json;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.ToNumberPolicy;

/**
 * Standard JSON in and out through Gson, one value per line: the journal's lines, {@code --json}
 * and later {@code -o json} documents and JSON Lines progress.
 *
 * <p>Writing keeps a map's own iteration order (use a {@link java.util.LinkedHashMap}), writes
 * null values, leaves non-ASCII text as it is (the caller encodes UTF-8), escapes control
 * characters, U+2028 and U+2029, and never breaks the line. Records and simple classes are written
 * field by field in declaration order. NaN and infinite numbers are refused, never written.
 *
 * <p>Reading is strict (no comments, single quotes, NaN, raw control characters, trailing text)
 * and gives maps (in the order read), lists, strings, booleans, null, and numbers as {@link Long}
 * when integral and within range, else {@link Double}. Gson refuses nesting deeper than 255, so
 * a hostile line cannot overflow the stack.
 */
public final class JsonText {
    private static final Gson GSON = new GsonBuilder()
            .disableHtmlEscaping()
            .serializeNulls()
            .setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE)
            .setStrictness(Strictness.STRICT)
            .create();

    private JsonText() {
    }

    /**
     * The value as one line of JSON, without a line break.
     *
     * @throws IllegalArgumentException for NaN or an infinite number, or a value Gson cannot write
     */
    public static String line(Object value) {
        try {
            return GSON.toJson(value);
        } catch (JsonParseException notWritable) {
            throw new IllegalArgumentException(notWritable.getMessage(), notWritable);
        }
    }

    /**
     * Reads exactly one JSON value.
     *
     * @throws IllegalArgumentException on anything that is not one standard JSON value, nested at
     *     most 255 deep
     */
    public static Object read(String text) {
        try {
            return GSON.fromJson(text, Object.class);
        } catch (JsonParseException malformed) {
            throw new IllegalArgumentException(malformed.getMessage(), malformed);
        }
    }
}
