package dev.strix.notebooks;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Path handling of the {@code %classpath} and {@code %jars} magics. */
final class Magics {
    private Magics() {
    }

    /**
     * The entries one magic argument names. {@code dir/*} or {@code dir/*.jar} is every jar in the
     * folder, as in {@code java -cp}; a leading {@code ~} is the home folder. For {@code %jars}
     * a folder also means its jars; for {@code %classpath} a folder is a class folder.
     */
    static List<Path> expand(String arg, boolean jarsOnly) {
        String a = arg;
        if (a.startsWith("~")) {
            a = System.getProperty("user.home") + a.substring(1);
        }
        List<Path> out = new ArrayList<>();
        Path dir = null;
        if (a.endsWith("/*") || a.endsWith("/*.jar")) {
            dir = Path.of(a.substring(0, a.lastIndexOf('/')));
        } else if (jarsOnly && Files.isDirectory(Path.of(a))) {
            dir = Path.of(a);
        }
        if (dir != null) {
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "*.jar")) {
                jars.forEach(p -> out.add(p.toAbsolutePath()));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot list " + dir + ": " + e.getMessage(), e);
            }
            out.sort(null);
            return out;
        }
        Path p = Path.of(a).toAbsolutePath();
        if (!Files.exists(p)) {
            throw new IllegalArgumentException("no such file or folder: " + p);
        }
        out.add(p);
        return out;
    }
}
