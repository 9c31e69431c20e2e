package io.squeaky.generate;

import java.io.IOException;

/**
 * The text of one tweet in the making, reused from conversation to conversation: an @mention (the
 * brand's handle or the customer's number, as TWCS anonymises customers) and phrases joined by
 * spaces.
 */
final class TweetText {

    private static final int MAX_PHRASES = 6;

    private final Phrase[] phrases = new Phrase[MAX_PHRASES];
    private int count;
    private byte[] mentionedHandle;
    private long mentionedCustomer;
    private boolean mentionLast;

    /** Starts a text addressed to a brand's support account. */
    TweetText toBrand(byte[] handle, boolean mentionLast) {
        return start(handle, 0, mentionLast);
    }

    /** Starts a brand's text addressed to a customer, who is always mentioned first. */
    TweetText toCustomer(long customerId) {
        return start(null, customerId, false);
    }

    private TweetText start(byte[] handle, long customerId, boolean mentionLast) {
        this.mentionedHandle = handle;
        this.mentionedCustomer = customerId;
        this.mentionLast = mentionLast;
        this.count = 0;
        return this;
    }

    TweetText add(Phrase phrase) {
        phrases[count++] = phrase;
        return this;
    }

    /** Writes the text as one CSV field, quoted only when it has to be, as pandas does. */
    void write(ByteSink out, SeededRandom random) throws IOException {
        boolean quoted = false;
        for (int i = 0; i < count; i++) {
            quoted |= phrases[i].needsQuotes();
        }
        if (quoted) {
            out.write('"');
        }
        if (!mentionLast) {
            writeMention(out);
        }
        for (int i = 0; i < count; i++) {
            if (i > 0 || !mentionLast) {
                out.write(' ');
            }
            phrases[i].write(out, quoted, random);
        }
        if (mentionLast) {
            out.write(' ');
            writeMention(out);
        }
        if (quoted) {
            out.write('"');
        }
    }

    private void writeMention(ByteSink out) throws IOException {
        out.write('@');
        if (mentionedHandle != null) {
            out.write(mentionedHandle);
        } else {
            out.writeDecimal(mentionedCustomer);
        }
    }
}
