package io.squeaky;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real public extracts in ../shared/data, which tests read in place and never copy. */
public final class SharedData {

    private SharedData() {}

    public static Path file(String relative) {
        Path root = Path.of(System.getProperty("squeaky.shared.data", "../shared/data"));
        Path file = root.resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(
                    "shared data file missing: "
                            + file.toAbsolutePath()
                            + " (tests expect ../shared beside the repository)");
        }
        return file;
    }
}
