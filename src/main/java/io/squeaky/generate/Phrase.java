package io.squeaky.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A piece of tweet text compiled once for CSV output: its literal parts as UTF-8 bytes, plain and
 * with quotes doubled, and the {@link Placeholder}s between them. Knowing up front whether a piece
 * holds a comma, quote or line break lets the writer decide a field's quoting before writing it.
 */
final class Phrase {

    private final byte[][] literals;
    private final byte[][] quotedLiterals;
    private final Placeholder[] placeholders;
    private final boolean needsQuotes;

    private Phrase(List<String> literals, List<Placeholder> placeholders) {
        this.literals = literals.stream().map(Phrase::utf8).toArray(byte[][]::new);
        this.quotedLiterals =
                literals.stream().map(l -> utf8(l.replace("\"", "\"\""))).toArray(byte[][]::new);
        this.placeholders = placeholders.toArray(Placeholder[]::new);
        this.needsQuotes = literals.stream().anyMatch(Phrase::hasCsvSpecial);
    }

    /** Compiles a template such as {@code "order {order} never came"}. */
    static Phrase of(String template) {
        List<String> literals = new ArrayList<>();
        List<Placeholder> placeholders = new ArrayList<>();
        int from = 0;
        int open;
        while ((open = template.indexOf('{', from)) >= 0) {
            int close = template.indexOf('}', open);
            if (close < 0) {
                throw new IllegalArgumentException("unclosed placeholder in: " + template);
            }
            literals.add(template.substring(from, open));
            placeholders.add(Placeholder.named(template.substring(open + 1, close)));
            from = close + 1;
        }
        literals.add(template.substring(from));
        return new Phrase(literals, placeholders);
    }

    static Phrase[] all(String... templates) {
        Phrase[] phrases = new Phrase[templates.length];
        for (int i = 0; i < templates.length; i++) {
            phrases[i] = of(templates[i]);
        }
        return phrases;
    }

    boolean needsQuotes() {
        return needsQuotes;
    }

    void write(ByteSink out, boolean quoted, SeededRandom random) throws IOException {
        byte[][] parts = quoted ? quotedLiterals : literals;
        for (int i = 0; i < placeholders.length; i++) {
            out.write(parts[i]);
            placeholders[i].write(out, random);
        }
        out.write(parts[placeholders.length]);
    }

    private static boolean hasCsvSpecial(String text) {
        return text.indexOf(',') >= 0
                || text.indexOf('"') >= 0
                || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
