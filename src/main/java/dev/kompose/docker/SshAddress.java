package dev.kompose.docker;

/**
 * An {@code ssh://[user@]host[:port][/path]} engine address taken apart as docker's ssh helper
 * reads it.
 *
 * @param user the login, or empty (ssh's own config decides)
 * @param host the host name or alias (the user's ssh config applies to it)
 * @param port the port, or 0 (ssh's own config decides)
 * @param problem why docker would refuse the address, or empty
 */
public record SshAddress(String user, String host, int port, String problem) {

    public static SshAddress parse(String address) {
        String rest = address.substring("ssh://".length());
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            rest = rest.substring(0, slash);
        }
        String user = "";
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            user = rest.substring(0, at);
            rest = rest.substring(at + 1);
        }
        int port = 0;
        int colon = rest.lastIndexOf(':');
        if (colon >= 0 && !rest.endsWith("]")) {
            String portText = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException notANumber) {
                return new SshAddress(user, rest, 0, address + ": the port is not a number");
            }
            if (port < 1 || port > 65535) {
                return new SshAddress(user, rest, 0, address + ": the port must be 1 to 65535");
            }
        }
        if (rest.isEmpty()) {
            return new SshAddress(user, rest, port, address + ": no host name");
        }
        if (user.contains(":")) {
            return new SshAddress(user, rest, port, address + ": a password in an ssh:// address is not supported (use a key)");
        }
        return new SshAddress(user, rest, port, "");
    }
}
