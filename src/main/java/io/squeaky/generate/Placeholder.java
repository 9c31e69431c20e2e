package io.squeaky.generate;

import java.io.IOException;

/** The variable parts of tweet texts, filled with random values as a row is written. */
enum Placeholder {
    /** {@code {order}}: an order, account or error number. */
    ORDER_NUMBER,
    /** {@code {n}}: one digit, 1-9. */
    DIGIT,
    /** {@code {hours}}: a count of hours or minutes, 2-48. */
    HOURS,
    /** {@code {code}}: a six-character booking reference. */
    BOOKING_CODE,
    /** {@code {url}}: a t.co short link, as Twitter rewrites every link. */
    LINK,
    /** {@code {initials}}: a support agent's sign-off. */
    INITIALS;

    private static final byte[] LINK_PREFIX = "https://t.co/".getBytes();
    private static final byte[] LINK_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".getBytes();
    private static final byte[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".getBytes();
    private static final byte[] CAPITALS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".getBytes();

    static Placeholder named(String name) {
        return switch (name) {
            case "order" -> ORDER_NUMBER;
            case "n" -> DIGIT;
            case "hours" -> HOURS;
            case "code" -> BOOKING_CODE;
            case "url" -> LINK;
            case "initials" -> INITIALS;
            default -> throw new IllegalArgumentException("unknown placeholder {" + name + "}");
        };
    }

    /** Writes a value; none contains a comma, quote or line break, so none affects quoting. */
    void write(ByteSink out, SeededRandom random) throws IOException {
        switch (this) {
            case ORDER_NUMBER ->
                    out.writeDecimal(1_000_000L + (random.nextLong() >>> 1) % 899_000_000L);
            case DIGIT -> out.write('1' + random.nextInt(9));
            case HOURS -> out.writeDecimal(2 + random.nextInt(47));
            case BOOKING_CODE -> letters(out, random, CODE_ALPHABET, 6);
            case LINK -> {
                out.write(LINK_PREFIX);
                letters(out, random, LINK_ALPHABET, 10);
            }
            case INITIALS -> letters(out, random, CAPITALS, random.chance(0.2) ? 3 : 2);
        }
    }

    private static void letters(ByteSink out, SeededRandom random, byte[] alphabet, int count)
            throws IOException {
        for (int i = 0; i < count; i++) {
            out.write(alphabet[random.nextInt(alphabet.length)]);
        }
    }
}
