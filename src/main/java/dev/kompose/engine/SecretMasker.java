package dev.kompose.engine;

import java.util.Collection;
import java.util.List;

/** Replaces secret values (passwords) in any text with ***. Values shorter than three characters are not masked. */
public final class SecretMasker {
    private static final int SHORTEST_MASKED = 3;
    private final List<String> secrets;

    public SecretMasker(Collection<String> secretValues) {
        this.secrets = secretValues.stream()
                .filter(value -> value != null && value.length() >= SHORTEST_MASKED)
                .distinct()
                .sorted((left, right) -> Integer.compare(right.length(), left.length())) // longest first
                .toList();
    }

    public String mask(String text) {
        String result = text;
        for (String secret : secrets) {
            if (result.contains(secret)) {
                result = result.replace(secret, "***");
            }
        }
        return result;
    }
}
