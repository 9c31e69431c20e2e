package io.squeaky.kafka;

import java.util.ArrayList;
import java.util.List;

/** The streaming job's arguments for one topic of posts and no ticket events. */
public final class PostsTopic {

    private PostsTopic() {}

    /** The source part of the arguments; a mutable list, for each test to add its own. */
    public static List<String> arguments(
            String bootstrapServers, String topic, String group, String... more) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--bootstrap-servers",
                                bootstrapServers,
                                "--posts-topic",
                                topic,
                                "--events-topic",
                                "",
                                "--group-id",
                                group));
        args.addAll(List.of(more));
        return args;
    }
}
