package io.squeaky.ingest;

import java.io.Reader;
import java.util.Arrays;
import java.util.Locale;

/** The input formats Squeaky reads, with how each is cut into records and parsed. */
public enum InputFormat {
    TWCS(TwcsParser.FORMAT),
    TWITTER_V2(TwitterV2Parser.FORMAT),
    TWITTER_V1(TwitterV1Parser.FORMAT),
    RTWEET(RtweetParser.FORMAT),
    SERVICE_DESK_CSV(ServiceDeskCsvParser.FORMAT),
    SERVICE_DESK_JSONL(ServiceDeskJsonParser.FORMAT);

    private final String optionName;

    InputFormat(String optionName) {
        this.optionName = optionName;
    }

    public String optionName() {
        return optionName;
    }

    public static InputFormat fromOption(String name) {
        return Arrays.stream(values())
                .filter(f -> f.optionName.equals(name.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "unknown format '"
                                                + name
                                                + "', expected twcs, twitter-v2, twitter-v1,"
                                                + " rtweet, service-desk-csv or"
                                                + " service-desk-jsonl"));
    }

    public RecordSplitter splitter(Reader in) {
        return isCsv() ? new CsvRecordSplitter(in) : new LineSplitter(in);
    }

    public boolean isCsv() {
        return this == TWCS || this == RTWEET || this == SERVICE_DESK_CSV;
    }

    /** Exports that may have lost their reply ids: brand replies are linked by the mention rule. */
    public boolean linksByMention() {
        return this == RTWEET;
    }

    /** {@link #linksByMention()} of a post's {@code source_format}, without a lookup per post. */
    public static boolean linksByMention(String sourceFormat) {
        return RtweetParser.FORMAT.equals(sourceFormat);
    }

    public RecordParser parser(PostFactory factory) {
        return switch (this) {
            case TWCS -> new TwcsParser(factory);
            case TWITTER_V2 -> new TwitterV2Parser(factory);
            case TWITTER_V1 -> new TwitterV1Parser(factory);
            case RTWEET -> new RtweetParser(factory);
            case SERVICE_DESK_CSV -> new ServiceDeskCsvParser(factory);
            case SERVICE_DESK_JSONL -> new ServiceDeskJsonParser(factory);
        };
    }

    /** How the collection was selected, carried into every case so studies can report it. */
    public boolean carriesPosts() {
        return this == TWCS || this == TWITTER_V2 || this == TWITTER_V1 || this == RTWEET;
    }

    /** Whether a format named in a reject is a service desk's, whatever else it may say. */
    public static boolean isServiceDesk(String optionName) {
        return optionName != null && optionName.startsWith("service-desk");
    }

    public String dataSelection() {
        return this == TWCS ? "conversations_seeded_by_brand_reply" : "as_collected";
    }
}
