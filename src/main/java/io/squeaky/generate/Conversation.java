package io.squeaky.generate;

/**
 * One conversation's tweets in the order the planner made them. The arrays are reused from
 * conversation to conversation, so generating millions of rows allocates nothing per row.
 */
final class Conversation {

    /** More than the planner can make: a root, a nudge and eight rounds of three tweets. */
    static final int MAX_TWEETS = 32;

    private final long[] postedAt = new long[MAX_TWEETS];
    private final int[] parent = new int[MAX_TWEETS];
    private final boolean[] byBrand = new boolean[MAX_TWEETS];
    private final TweetText[] texts = new TweetText[MAX_TWEETS];
    private int size;
    private int brand;
    private long customerId;

    Conversation() {
        for (int i = 0; i < MAX_TWEETS; i++) {
            texts[i] = new TweetText();
        }
    }

    void start(int brand, long customerId) {
        this.brand = brand;
        this.customerId = customerId;
        this.size = 0;
    }

    /**
     * Adds a tweet and returns its index; {@code parent} is an index, or -1 for the opening post.
     */
    int add(long epochSecond, int parent, boolean byBrand) {
        postedAt[size] = epochSecond;
        this.parent[size] = parent;
        this.byBrand[size] = byBrand;
        return size++;
    }

    int size() {
        return size;
    }

    int brand() {
        return brand;
    }

    long customerId() {
        return customerId;
    }

    long postedAt(int tweet) {
        return postedAt[tweet];
    }

    int parent(int tweet) {
        return parent[tweet];
    }

    boolean byBrand(int tweet) {
        return byBrand[tweet];
    }

    TweetText text(int tweet) {
        return texts[tweet];
    }
}
