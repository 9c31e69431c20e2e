package io.squeaky.replay;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** What the replay ITCases share to feed one input to a batch run and a streaming run. */
final class ReplayFiles {

    private ReplayFiles() {}

    /**
     * The service-desk events as the JSON lines the replay sends, so that the batch run reads the
     * same messages the stream does; {@code skipped} counts what the archive reader dropped.
     */
    static void writeEventsAsJson(Path csv, Path jsonl, long[] skipped) throws Exception {
        Files.createDirectories(jsonl.getParent());
        try (Writer out = Files.newBufferedWriter(jsonl, StandardCharsets.UTF_8)) {
            for (Iterator<ReplayMessage> it = ArchiveMessages.events(csv, "unused", skipped);
                    it.hasNext(); ) {
                out.write(it.next().value());
                out.write('\n');
            }
        }
    }

    /** A job's own arguments, then the ones both runs share. */
    static String[] arguments(List<String> shared, String... own) {
        List<String> all = new ArrayList<>(List.of(own));
        all.addAll(shared);
        return all.toArray(String[]::new);
    }

    static PrintStream quiet() {
        return new PrintStream(OutputStream.nullOutputStream());
    }
}
