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
        hazard(root.putObject("hazard_model"), settings.hazard());
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
                "piecewise-constant proportional hazards, the same pressure ratios for both"
                        + " endpoints: hazard(t) = ln2 / baseline_median * hr_public^public(t) *"
                        + " hr_per_post^posts(t) * hr_desk_closed^desk_closed(t) *"
                        + " hr_tenfold_followers^log10(max(followers,1)) * hr_storm^storm, where"
                        + " public(t): the case is public on Twitter at t (from the opening tweet of a"
                        + " twitter-first ticket, from the escalation tweet of an escalated one);"
                        + " posts(t): the customer's posts at or before t, the first included;"
                        + " desk_closed(t): the brand's schedule is closed at t; followers and storm"
                        + " fixed at the open. Simulated exactly by inverting the cumulative hazard"
                        + " over the pieces.");
        node.put(
                "customer",
                "a traditional-channel customer would go public with probability escalation_rate,"
                        + " an exponential time with median escalation_median_hours after the open;"
                        + " only if the ticket is not resolved by then. Once public the customer"
                        + " posts again as a Poisson process of posts_per_day until the resolution, at most"
                        + " max_posts in all."
                        + " The first reply is the earlier of its own draw and one second before the"
                        + " resolution (both carry the same pressure ratios).");
        node.put("baseline_median_hours", hazard.baselineMedianHours());
        node.put("first_reply_median_hours", hazard.firstReplyMedianHours());
        node.put("hr_public", hazard.hrPublic());
        node.put("hr_per_post", hazard.hrPerPost());
        node.put("hr_desk_closed", hazard.hrDeskClosed());
        node.put("hr_tenfold_followers", hazard.hrTenfoldFollowers());
        node.put("hr_storm", hazard.hrStorm());
        node.put("escalation_median_hours", hazard.escalationMedianHours());
        node.put("posts_per_day", hazard.postsPerDay());
        node.put("max_posts", TicketMilestones.MAX_POSTS);
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
        node.put("escalated_before_resolution", tally.escalated());
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
