package io.squeaky.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the generator's files go under --output. */
final class OutputFiles {

    static final String EVENTS = "desk/events.csv";
    static final String POSTS = "posts/posts.jsonl";
    static final String TRUTH = "truth";
    static final String CASES = "truth/cases.jsonl";
    static final String PARAMETERS = "truth/parameters.json";

    private OutputFiles() {}

    /** Creates the folders of every file under {@code root}. */
    static void prepare(Path root) throws IOException {
        for (String file : new String[] {EVENTS, POSTS, CASES}) {
            Files.createDirectories(root.resolve(file).getParent());
        }
    }
}
