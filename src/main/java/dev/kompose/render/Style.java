package dev.kompose.render;

/** ANSI colours for the plain output, or none (--no-color, NO_COLOR, output not a terminal). */
public final class Style {
    private final boolean colour;

    public Style(boolean colour) {
        this.colour = colour;
    }

    public static Style plain() {
        return new Style(false);
    }

    public String bold(String text) {
        return wrap("1", text);
    }

    public String green(String text) {
        return wrap("32", text);
    }

    public String red(String text) {
        return wrap("31", text);
    }

    public String yellow(String text) {
        return wrap("33", text);
    }

    public String cyan(String text) {
        return wrap("36", text);
    }

    public String dim(String text) {
        return wrap("2", text);
    }

    private String wrap(String code, String text) {
        return colour ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
