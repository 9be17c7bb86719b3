package dev.kompose.compose;

import java.util.Objects;

/**
 * One entry of a service's {@code ports:}, interpolated.
 *
 * @param hostIp the host address it is bound to, or "" for all addresses
 * @param published the host port or range, or "" when compose picks a free port (nothing fixed is published)
 * @param target the container port or range
 * @param protocol tcp, udp or sctp ("tcp" when not written)
 */
public record ComposePort(String hostIp, String published, String target, String protocol) {

    public ComposePort {
        hostIp = Objects.requireNonNullElse(hostIp, "");
        published = Objects.requireNonNullElse(published, "");
        target = Objects.requireNonNullElse(target, "");
        protocol = protocol == null || protocol.isEmpty() ? "tcp" : protocol;
    }

    /**
     * Reads the short syntax {@code [[HOST_IP:]PUBLISHED:]TARGET[/PROTOCOL]}, e.g. {@code 5432},
     * {@code 5433:5432}, {@code 127.0.0.1:5433:5432/tcp}, {@code [::1]:5433:5432}.
     *
     * @param text the entry as written (after interpolation)
     * @return the port
     */
    public static ComposePort parse(String text) {
        String rest = text.strip();
        String protocol = "";
        int slash = rest.lastIndexOf('/');
        if (slash >= 0) {
            protocol = rest.substring(slash + 1);
            rest = rest.substring(0, slash);
        }
        int targetColon = rest.lastIndexOf(':');
        if (targetColon < 0) {
            return new ComposePort("", "", rest, protocol);
        }
        String target = rest.substring(targetColon + 1);
        String hostPart = rest.substring(0, targetColon);
        int publishedColon = hostPart.lastIndexOf(':');
        if (publishedColon < 0) {
            return new ComposePort("", hostPart, target, protocol);
        }
        String hostIp = hostPart.substring(0, publishedColon);
        if (hostIp.startsWith("[") && hostIp.endsWith("]")) {
            hostIp = hostIp.substring(1, hostIp.length() - 1);
        }
        return new ComposePort(hostIp, hostPart.substring(publishedColon + 1), target, protocol);
    }

    /** True when a fixed host port is published. */
    public boolean isPublished() {
        return !published.isEmpty();
    }
}
