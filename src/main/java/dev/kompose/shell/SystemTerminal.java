package dev.kompose.shell;

import java.io.FileDescriptor;
import java.io.IOException;
import java.nio.charset.Charset;
import org.jline.nativ.CLibrary;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.PosixSysTerminal;
import org.jline.terminal.impl.jni.linux.LinuxNativePty;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/**
 * Opens the system terminal for the shell so that leaving it gives the terminal back exactly as it
 * was ({@code stty -g} identical before and after).
 *
 * <p>The cause of the difference: JLine's JNI terminal on Linux writes the terminal's settings with
 * {@code tcsetattr} from its {@link Attributes}, a model of the flags that has no line speed, so
 * every write (entering raw mode at each prompt, leaving it, closing the terminal) turned the speed
 * bits of {@code c_cflag} into B0, "hang up" on a real line. Here the pty keeps the speed the
 * terminal has at the moment of each write, so JLine's own saving and restoring is exact. Where that
 * pty cannot be made (another system or provider) the terminal comes from {@link TerminalBuilder} as
 * before.
 */
final class SystemTerminal {
    private SystemTerminal() {
    }

    static Terminal open() throws IOException {
        if (System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            try {
                TerminalProvider provider = TerminalProvider.load("jni");
                if (provider.isSystemStream(SystemStream.Input) && provider.isSystemStream(SystemStream.Output)) {
                    String type = System.getenv("TERM");
                    return new PosixSysTerminal("kompose", type == null || type.isEmpty() ? "ansi" : type,
                            new SpeedKeepingPty(provider), Charset.defaultCharset(), true, Terminal.SignalHandler.SIG_IGN);
                }
            } catch (IOException | RuntimeException | LinkageError notAvailable) {
                // JLine's own choice below
            }
        }
        return TerminalBuilder.builder().system(true).nativeSignals(true).signalHandler(Terminal.SignalHandler.SIG_IGN).build();
    }

    /** JLine's Linux pty on standard input and output, whose writes keep the line speed the terminal has. */
    static final class SpeedKeepingPty extends LinuxNativePty {
        /** CBAUD | CBAUDEX | CIBAUD of Linux's termios.h: the output and input speed bits of c_cflag. */
        static final long SPEED_BITS = 0010017L | 002003600000L;

        SpeedKeepingPty(TerminalProvider provider) throws IOException {
            super(provider, SystemStream.Output, -1, null, 0, FileDescriptor.in, 1, FileDescriptor.out, ttyname(1));
        }

        @Override
        protected CLibrary.Termios toTermios(Attributes attributes) {
            CLibrary.Termios wanted = super.toTermios(attributes);
            CLibrary.Termios now = new CLibrary.Termios();
            if (CLibrary.tcgetattr(getSlave(), now) == 0) {
                wanted.c_cflag = (wanted.c_cflag & ~SPEED_BITS) | (now.c_cflag & SPEED_BITS);
                wanted.c_ispeed = now.c_ispeed;
                wanted.c_ospeed = now.c_ospeed;
            }
            return wanted;
        }
    }
}
