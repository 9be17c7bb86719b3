package dev.kompose.safety;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little JSON the journal needs: writing maps, lists, strings, numbers and booleans on one
 * line, and reading such a line back. Not a general library: no JSON library is on the class path.
 */
final class Json {
    private Json() {
    }

    static String write(Object value) {
        StringBuilder text = new StringBuilder();
        write(value, text);
        return text.toString();
    }

    private static void write(Object value, StringBuilder text) {
        if (value == null) {
            text.append("null");
        } else if (value instanceof Map<?, ?> map) {
            text.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                text.append(first ? "" : ",");
                first = false;
                string(String.valueOf(entry.getKey()), text);
                text.append(':');
                write(entry.getValue(), text);
            }
            text.append('}');
        } else if (value instanceof List<?> list) {
            text.append('[');
            for (int index = 0; index < list.size(); index++) {
                text.append(index == 0 ? "" : ",");
                write(list.get(index), text);
            }
            text.append(']');
        } else if (value instanceof Number || value instanceof Boolean) {
            text.append(value);
        } else {
            string(value.toString(), text);
        }
    }

    private static void string(String value, StringBuilder text) {
        text.append('"');
        for (int index = 0; index < value.length(); index++) {
            char character = value.charAt(index);
            switch (character) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> {
                    if (character < 0x20 || character == 0x2028 || character == 0x2029) {
                        text.append(String.format("\\u%04x", (int) character));
                    } else {
                        text.append(character);
                    }
                }
            }
        }
        text.append('"');
    }

    /** Reads one JSON value; throws IllegalArgumentException on anything malformed. */
    static Object read(String text) {
        Reader reader = new Reader(text);
        Object value = reader.value();
        reader.skipSpace();
        if (reader.position != text.length()) {
            throw new IllegalArgumentException("trailing text at " + reader.position);
        }
        return value;
    }

    private static final class Reader {
        private final String text;
        private int position;

        Reader(String text) {
            this.text = text;
        }

        Object value() {
            skipSpace();
            if (position >= text.length()) {
                throw new IllegalArgumentException("unexpected end");
            }
            char next = text.charAt(position);
            return switch (next) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> number();
            };
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            position++;
            skipSpace();
            if (peek() == '}') {
                position++;
                return map;
            }
            while (true) {
                skipSpace();
                String key = string();
                skipSpace();
                expect(':');
                map.put(key, value());
                skipSpace();
                if (peek() == ',') {
                    position++;
                } else {
                    expect('}');
                    return map;
                }
            }
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            position++;
            skipSpace();
            if (peek() == ']') {
                position++;
                return list;
            }
            while (true) {
                list.add(value());
                skipSpace();
                if (peek() == ',') {
                    position++;
                } else {
                    expect(']');
                    return list;
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder value = new StringBuilder();
            while (true) {
                char character = next();
                if (character == '"') {
                    return value.toString();
                }
                if (character != '\\') {
                    value.append(character);
                    continue;
                }
                char escaped = next();
                switch (escaped) {
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case 'u' -> {
                        if (position + 4 > text.length()) {
                            throw new IllegalArgumentException("short \\u escape");
                        }
                        value.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
                        position += 4;
                    }
                    default -> value.append(escaped);
                }
            }
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, position)) {
                throw new IllegalArgumentException("unexpected text at " + position);
            }
            position += word.length();
            return value;
        }

        private Number number() {
            int start = position;
            while (position < text.length() && "+-0123456789.eE".indexOf(text.charAt(position)) >= 0) {
                position++;
            }
            String digits = text.substring(start, position);
            if (digits.isEmpty()) {
                throw new IllegalArgumentException("unexpected character at " + start);
            }
            return digits.matches("-?\\d+") ? (Number) Long.parseLong(digits) : (Number) Double.parseDouble(digits);
        }

        private char peek() {
            if (position >= text.length()) {
                throw new IllegalArgumentException("unexpected end");
            }
            return text.charAt(position);
        }

        private char next() {
            char character = peek();
            position++;
            return character;
        }

        private void expect(char wanted) {
            if (next() != wanted) {
                throw new IllegalArgumentException("expected " + wanted + " at " + (position - 1));
            }
        }

        void skipSpace() {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
        }
    }
}
