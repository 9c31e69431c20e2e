package io.squeaky.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Generates a synthetic TWCS file: deterministic from its seed, streamed to disk one conversation
 * at a time, shaped like the Kaggle extract (see {@link ConversationPlanner}, {@link DelayModel}
 * and {@link BrandMix} for what was measured there).
 */
public final class TwcsGenerator {

    private TwcsGenerator() {}

    /** What a run wrote. */
    public record Summary(long rows, long conversations, long bytes, double seconds) {

        public String line(Path file) {
            return String.format(
                    "generated %,d rows (%,d conversations, %,d MB) in %.2f s, %,.0f rows/s: %s",
                    rows, conversations, bytes >> 20, seconds, rows / seconds, file);
        }
    }

    public static void main(String[] args) throws IOException {
        GeneratorSettings settings;
        try {
            settings = GeneratorSettings.fromArgs(args);
        } catch (IllegalArgumentException e) {
            System.err.println("squeaky generate: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (settings == null) {
            System.out.print(GeneratorSettings.USAGE);
            return;
        }
        Summary summary = generate(settings);
        System.err.println(summary.line(settings.output()));
    }

    /**
     * Writes the file named in the settings. It appears only when complete, so an interrupted run
     * never leaves a truncated file that a later run could mistake for a finished one.
     */
    public static Summary generate(GeneratorSettings settings) throws IOException {
        Path file = settings.output().toAbsolutePath();
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        Summary summary;
        try (OutputStream out = Files.newOutputStream(partial)) {
            summary = generate(settings, out);
        }
        Files.move(
                partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return summary;
    }

    /** Writes the CSV to a stream, which it closes. */
    public static Summary generate(GeneratorSettings settings, OutputStream stream)
            throws IOException {
        long started = System.nanoTime();
        SeededRandom random = new SeededRandom(settings.seed());
        BrandMix brands = new BrandMix();
        ConversationPlanner planner =
                new ConversationPlanner(
                        random,
                        brands,
                        settings.start().getEpochSecond(),
                        settings.days() * 86_400L);
        Conversation conversation = new Conversation();
        long conversations = 0;
        try (ByteSink out = new ByteSink(stream)) {
            TwcsRowWriter rows = new TwcsRowWriter(out, brands, random, settings.indexColumn());
            rows.writeHeader();
            while (!settings.reached(conversations, rows.rows())) {
                planner.plan(conversation);
                rows.write(conversation);
                conversations++;
            }
            out.flush();
            return new Summary(
                    rows.rows(), conversations, out.size(), (System.nanoTime() - started) / 1e9);
        }
    }
}
