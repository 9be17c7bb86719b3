package dev.kompose.compose;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * kompose's cache folder, where what it remembers between runs about compose lives (the compose probe,
 * parsed compose files): {@code $XDG_CACHE_HOME/kompose}, else {@code $HOME/.cache/kompose}; none
 * when neither is an absolute path (a service without a home remembers nothing).
 */
public final class CacheFolder {
    private CacheFolder() {
    }

    public static Optional<Path> of(Map<String, String> environment) {
        String cache = environment.get("XDG_CACHE_HOME");
        if (cache != null && cache.startsWith("/")) {
            return Optional.of(Path.of(cache, "kompose"));
        }
        String home = environment.get("HOME");
        if (home != null && home.startsWith("/")) {
            return Optional.of(Path.of(home, ".cache", "kompose"));
        }
        return Optional.empty();
    }
}
