import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The least a listing that reads every stack can do, for bench/listing-floor.sh: list the root, and for
 * each folder with a compose.yaml read it, its .env and its hooks.sh and list the folder (the dumps);
 * print a line per stack. No parsing at all, one thread: what kompose's listing costs beyond this is
 * what it does with the files.
 */
public class ListingFloor {
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        List<Path> stacks = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path folder : entries) {
                if (Files.isRegularFile(folder.resolve("compose.yaml"))) {
                    stacks.add(folder);
                }
            }
        }
        Collections.sort(stacks);
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out), 1 << 16));
        for (Path stack : stacks) {
            int dumps = 0;
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(stack)) {
                for (Path entry : entries) {
                    dumps += entry.getFileName().toString().endsWith(".sql") ? 1 : 0;
                }
            }
            out.println(stack.getFileName() + "  " + read(stack.resolve("compose.yaml")) + "  " + read(stack.resolve(".env"))
                    + "  " + read(stack.resolve("hooks.sh")) + "  " + dumps);
        }
        out.println(stacks.size() + " stacks");
        out.flush();
    }

    private static int read(Path file) {
        try {
            return Files.readAllBytes(file).length;
        } catch (IOException missing) {
            return -1;
        }
    }
}
