package dev.kompose.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version Maven wrote into kompose-version.properties. */
public final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"kompose " + value()};
    }

    public static String value() {
        try (InputStream input = Version.class.getResourceAsStream("/kompose-version.properties")) {
            Properties properties = new Properties();
            if (input != null) {
                properties.load(input);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException unreadable) {
            return "unknown";
        }
    }
}
