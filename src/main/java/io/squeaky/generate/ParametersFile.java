package io.squeaky.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * Writes truth/parameters.json: every parameter and the seed, the planted brands and storms, what
 * was written, and the count of every kind of noise, so a reader of the files can account for each
 * line.
 */
final class ParametersFile {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ParametersFile() {}

    static void write(
            Path file,
            CrossChannelSettings settings,
            BrandSetup brands,
            StormPlan storms,
            CaseTally tally,
            DeskEventWriter desk,
            PostPageWriter posts)
            throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("generator", CrossChannelGenerator.class.getName());
        root.put("seed", settings.seed());
        root.put("cases", settings.cases());
        root.put("start", settings.start().toString());
        root.put("days", settings.days());
        root.put("data_end", Instant.ofEpochSecond(settings.dataEnd()).toString());
        root.put("censoring", settings.censoring());
        root.put("escalation_rate", settings.escalationRate());
        root.put("reopen_rate", settings.reopenRate());
        hazard(root.putObject("resolution_model"), settings.hazard());
        ObjectNode mix = root.putObject("first_channel_mix");
        for (DeskChannel channel : DeskChannel.values()) {
            mix.put(channel.exportName(), channel.firstContactShare());
        }
        ObjectNode followers = root.putObject("followers");
        followers.put("distribution", "log-normal");
        followers.put("median", 150);
        followers.put("sigma", 2.0);
        root.put("brands_file", BrandSetup.BRANDS_FILE);
        root.put("schedules_file", BrandSetup.SCHEDULES_FILE);
        root.put(
                "schedules_source",
                settings.schedules() == null ? "built-in" : settings.schedules().toString());
        brands(root.putArray("brands"), brands);
        storms(root.putArray("storms"), brands, storms);
        counts(root.putObject("tickets"), tally);
        noise(root.putObject("noise"), settings, desk, posts);
        JSON.writeValue(file.toFile(), root);
    }

    private static void hazard(ObjectNode node, HazardModel hazard) {
        node.put(
                "form",
                "exponential: hazard = ln2 / baseline_median * hr_escalation^escalated *"
                        + " hr_tenfold_followers^log10(max(followers,1)) * hr_off_hours^off_hours *"
                        + " hr_storm^storm");
        node.put("baseline_median_hours", hazard.baselineMedianHours());
        node.put("hr_escalation", hazard.hrEscalation());
        node.put("hr_tenfold_followers", hazard.hrTenfoldFollowers());
        node.put("hr_off_hours", hazard.hrOffHours());
        node.put("hr_storm", hazard.hrStorm());
        node.put("minimum_resolution_seconds", HazardModel.MINIMUM_RESOLUTION_SECONDS);
    }

    private static void brands(ArrayNode array, BrandSetup brands) {
        for (DeskBrand brand : brands.brands()) {
            ObjectNode node = array.addObject();
            node.put("brand", brand.name());
            node.put("handle", brand.handle());
            node.put("support_account_id", brand.support().id());
            node.put("time_zone", brand.zone().getId());
            node.put("case_weight", brand.caseWeight());
        }
    }

    private static void storms(ArrayNode array, BrandSetup brands, StormPlan storms) {
        for (StormPlan.Storm storm : storms.storms()) {
            ObjectNode node = array.addObject();
            node.put("brand", brands.brand(storm.brand()).name());
            node.put("start", Instant.ofEpochSecond(storm.start()).toString());
            node.put("end", Instant.ofEpochSecond(storm.end()).toString());
            node.put("rate_multiplier", storm.rateMultiplier());
        }
    }

    private static void counts(ObjectNode node, CaseTally tally) {
        node.put("total", tally.tickets());
        node.put("twitter_first", tally.twitterFirst());
        node.put("escalation_planted", tally.escalationsPlanted());
        node.put("escalation_in_data", tally.escalationsObserved());
        node.put("reopen_planted", tally.reopensPlanted());
        node.put("opened_off_hours", tally.offHours());
        node.put("opened_in_storm", tally.storm());
        node.put("fully_resolved_in_data", tally.fullyResolved());
        node.put("resolution_censored", tally.resolutionCensored());
    }

    private static void noise(
            ObjectNode node,
            CrossChannelSettings settings,
            DeskEventWriter desk,
            PostPageWriter posts) {
        node.put("duplicate_rate", settings.duplicateRate());
        node.put("disorder_rate", settings.disorderRate());
        node.put("disorder_max_seconds", LateArrivals.MAX_DELAY_SECONDS);
        node.put("malformed_rate", settings.malformedRate());
        node.put(
                "out_of_order_rule",
                "a row (tweet) is out of order when its occurred_at (created_at) is earlier than"
                        + " that of some row (tweet) above it in its file; garbage lines do not"
                        + " count");

        ObjectNode events = node.putObject("desk_events");
        events.put("file", OutputFiles.EVENTS);
        events.put("events", desk.events());
        events.put("rows", desk.rows());
        events.put("duplicate_rows", desk.duplicates());
        events.put("out_of_order_rows", desk.outOfOrder());
        ObjectNode malformed = events.putObject("malformed_lines");
        long total = 0;
        for (DeskEventWriter.Malformation kind : DeskEventWriter.Malformation.values()) {
            long count = desk.malformed().get(kind);
            malformed.put(kind.name().toLowerCase(Locale.ROOT), count);
            total += count;
        }
        malformed.put("total", total);

        ObjectNode tweets = node.putObject("posts");
        tweets.put("file", OutputFiles.POSTS);
        tweets.put("tweets", posts.tweets());
        tweets.put("tweets_in_pages", posts.placed());
        tweets.put("pages", posts.pages());
        tweets.put("duplicate_tweets", posts.duplicates());
        tweets.put("out_of_order_tweets", posts.outOfOrder());
        ObjectNode broken = tweets.putObject("malformed_lines");
        broken.put("broken_json", posts.brokenLines());
        broken.put("total", posts.brokenLines());
    }
}
