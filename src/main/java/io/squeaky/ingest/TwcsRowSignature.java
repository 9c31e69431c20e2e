package io.squeaky.ingest;

/**
 * How a TWCS data row begins: {@code tweet_id,author_id,True|False,created_at,} with an optional
 * leading pandas index column, e.g. {@code 119237,105834,True,Wed Oct 11 06:55:44 +0000 2017,}. A
 * split of a file starts reading at the first line that begins so, since only a row opens with this
 * shape: a header, a blank row or a continuation line of a quoted tweet does not (unless the tweet
 * itself holds a line spelled like a row, which no real file does). Rows that miss the shape (float
 * ids, bad timestamps) are still read, by the split before them.
 */
public final class TwcsRowSignature {

    /** Bytes a signature may span: index and id of 20 digits, a 64-byte author, the rest. */
    public static final int MAX_BYTES = 21 + 21 + 65 + 6 + 31;

    private static final int MAX_DIGITS = 20;
    private static final int MAX_AUTHOR = 64;
    private static final byte[] TRUE = {'T', 'r', 'u', 'e', ','};
    private static final byte[] FALSE = {'F', 'a', 'l', 's', 'e', ','};

    /** {@code Tue Oct 31 22:10:47 +0000 2017,}: A upper, a lower, 9 digit, s sign, others as is. */
    private static final String TIMESTAMP = "Aaa Aaa 99 99:99:99 s9999 9999,";

    private TwcsRowSignature() {}

    /** Whether the bytes {@code [from, to)} begin with a row's signature. */
    public static boolean matches(byte[] bytes, int from, int to) {
        int afterIndex = digitsAndComma(bytes, from, to);
        return afterIndex > 0 && rowFrom(bytes, afterIndex, to) || rowFrom(bytes, from, to);
    }

    private static boolean rowFrom(byte[] bytes, int at, int to) {
        int i = digitsAndComma(bytes, at, to);
        if (i < 0) {
            return false;
        }
        i = authorAndComma(bytes, i, to);
        if (i < 0) {
            return false;
        }
        i =
                literal(bytes, i, to, TRUE)
                        ? i + TRUE.length
                        : literal(bytes, i, to, FALSE) ? i + FALSE.length : -1;
        return i >= 0 && timestamp(bytes, i, to);
    }

    /** The index after {@code digits,} starting at {@code at}, or -1. */
    private static int digitsAndComma(byte[] bytes, int at, int to) {
        int i = at;
        while (i < to && i - at <= MAX_DIGITS && bytes[i] >= '0' && bytes[i] <= '9') {
            i++;
        }
        return i > at && i - at <= MAX_DIGITS && i < to && bytes[i] == ',' ? i + 1 : -1;
    }

    private static int authorAndComma(byte[] bytes, int at, int to) {
        int i = at;
        while (i < to && i - at <= MAX_AUTHOR) {
            byte b = bytes[i];
            if (b == ',') {
                return i > at ? i + 1 : -1;
            }
            if (b == '"' || b == '\n' || b == '\r' || b == ' ') {
                return -1;
            }
            i++;
        }
        return -1;
    }

    private static boolean literal(byte[] bytes, int at, int to, byte[] expected) {
        if (to - at < expected.length) {
            return false;
        }
        for (int k = 0; k < expected.length; k++) {
            if (bytes[at + k] != expected[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean timestamp(byte[] bytes, int at, int to) {
        if (to - at < TIMESTAMP.length()) {
            return false;
        }
        for (int k = 0; k < TIMESTAMP.length(); k++) {
            byte b = bytes[at + k];
            boolean fits =
                    switch (TIMESTAMP.charAt(k)) {
                        case 'A' -> b >= 'A' && b <= 'Z';
                        case 'a' -> b >= 'a' && b <= 'z';
                        case '9' -> b >= '0' && b <= '9';
                        case 's' -> b == '+' || b == '-';
                        default -> b == TIMESTAMP.charAt(k);
                    };
            if (!fits) {
                return false;
            }
        }
        return true;
    }
}
