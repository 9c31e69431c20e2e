package io.squeaky.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes conversations as rows of the Kaggle TWCS CSV. Each conversation gets a block of
 * consecutive tweet ids, its latest tweet first, and its rows are written in id order: TWCS groups
 * rows by conversation, so a file is never in time order. Parents are written as floats ({@code
 * 12.0}) and several responses as a quoted list, as pandas wrote them.
 */
final class TwcsRowWriter {

    private static final byte[] HEADER =
            "tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n"
                    .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRUE = "True".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "False".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FLOAT_SUFFIX = ".0".getBytes(StandardCharsets.US_ASCII);

    private final ByteSink out;
    private final BrandMix brands;
    private final SeededRandom random;
    private final boolean indexColumn;
    private final TwitterTimestamps timestamps = new TwitterTimestamps();
    private final int[] order = new int[Conversation.MAX_TWEETS];
    private final long[] ids = new long[Conversation.MAX_TWEETS];
    private long nextTweetId = 1;
    private long rows;

    /** {@code random} fills the texts' placeholders; {@code indexColumn} adds pandas' index. */
    TwcsRowWriter(ByteSink out, BrandMix brands, SeededRandom random, boolean indexColumn) {
        this.out = out;
        this.brands = brands;
        this.random = random;
        this.indexColumn = indexColumn;
    }

    void writeHeader() throws IOException {
        if (indexColumn) {
            out.write(',');
        }
        out.write(HEADER);
    }

    void write(Conversation conversation) throws IOException {
        int size = conversation.size();
        latestFirst(conversation);
        for (int rank = 0; rank < size; rank++) {
            ids[order[rank]] = nextTweetId + rank;
        }
        nextTweetId += size;
        for (int rank = 0; rank < size; rank++) {
            writeRow(conversation, order[rank]);
        }
    }

    long rows() {
        return rows;
    }

    private void latestFirst(Conversation conversation) {
        int size = conversation.size();
        for (int i = 0; i < size; i++) {
            int tweet = i;
            int j = i;
            while (j > 0 && conversation.postedAt(order[j - 1]) < conversation.postedAt(tweet)) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = tweet;
        }
    }

    private void writeRow(Conversation conversation, int tweet) throws IOException {
        if (indexColumn) {
            out.writeDecimal(rows);
            out.write(',');
        }
        rows++;
        out.writeDecimal(ids[tweet]);
        out.write(',');
        boolean byBrand = conversation.byBrand(tweet);
        if (byBrand) {
            out.write(brands.handle(conversation.brand()));
        } else {
            out.writeDecimal(conversation.customerId());
        }
        out.write(',');
        out.write(byBrand ? FALSE : TRUE);
        out.write(',');
        timestamps.write(out, conversation.postedAt(tweet));
        out.write(',');
        conversation.text(tweet).write(out, random);
        out.write(',');
        writeResponses(conversation, tweet);
        out.write(',');
        int parent = conversation.parent(tweet);
        if (parent >= 0) {
            out.writeDecimal(ids[parent]);
            out.write(FLOAT_SUFFIX);
        }
        out.write('\n');
    }

    private void writeResponses(Conversation conversation, int tweet) throws IOException {
        int size = conversation.size();
        int responses = 0;
        for (int i = 0; i < size; i++) {
            if (conversation.parent(i) == tweet) {
                responses++;
            }
        }
        if (responses > 1) {
            out.write('"');
        }
        boolean first = true;
        for (int i = 0; i < size; i++) {
            if (conversation.parent(i) == tweet) {
                if (!first) {
                    out.write(',');
                }
                out.writeDecimal(ids[i]);
                first = false;
            }
        }
        if (responses > 1) {
            out.write('"');
        }
    }
}
