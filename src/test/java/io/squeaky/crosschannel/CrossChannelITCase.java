package io.squeaky.crosschannel;

import static io.squeaky.DuckDb.count;
import static io.squeaky.DuckDb.rows;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.squeaky.TestClusters;
import io.squeaky.flink.Counters;
import io.squeaky.generate.CrossChannelGenerator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch job on generated cross-channel data with planted truth: every ticket's clocks equal the
 * generator's, in calendar and business time, and every repeated or broken line is accounted for.
 */
class CrossChannelITCase {

    @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = TestClusters.twoSlots();

    /** Truth column (without _seconds) beside the pipeline's column, compared exactly. */
    private static final List<String[]> CLOCKS =
            List.of(
                    new String[] {"first_reply_seconds", "seconds_to_first_reply"},
                    new String[] {
                        "first_reply_business_seconds", "business_seconds_to_first_reply"
                    },
                    new String[] {"first_resolution_seconds", "seconds_to_first_resolution"},
                    new String[] {
                        "first_resolution_business_seconds", "business_seconds_to_first_resolution"
                    },
                    new String[] {"full_resolution_seconds", "seconds_to_full_resolution"},
                    new String[] {
                        "full_resolution_business_seconds", "business_seconds_to_full_resolution"
                    },
                    new String[] {"reopens", "reopens"},
                    new String[] {"first_channel", "first_channel"},
                    new String[] {
                        "wait_before_escalation_seconds", "seconds_waited_before_escalation"
                    },
                    new String[] {
                        "escalation_to_first_reply_seconds",
                        "seconds_from_escalation_to_first_reply"
                    },
                    new String[] {
                        "escalation_to_resolution_seconds", "seconds_from_escalation_to_resolution"
                    });

    @TempDir static Path dir;
    static Map<String, Object> counts;

    @BeforeAll
    static void generateAndRun() throws Exception {
        Path data = dir.resolve("data");
        CrossChannelGenerator.main(
                new String[] {"--output", data.toString(), "--cases", "1500", "--seed", "5"});
        counts = GeneratedRun.batch(data, dir.resolve("tables"));
    }

    @Test
    void everyTicketsClocksEqualTheGeneratorsTruth() throws Exception {
        StringBuilder differs = new StringBuilder("false");
        StringBuilder shown = new StringBuilder("t.ticket_id");
        for (String[] pair : CLOCKS) {
            differs.append(" OR t.").append(pair[0]).append(" IS DISTINCT FROM c.").append(pair[1]);
            shown.append(", t.").append(pair[0]).append(", c.").append(pair[1]);
        }
        differs.append(" OR CAST(t.opened_at AS TIMESTAMPTZ) IS DISTINCT FROM c.opened_at");
        differs.append(" OR CAST(t.escalated_at AS TIMESTAMPTZ) IS DISTINCT FROM c.escalated_at");
        differs.append(" OR c.ticket_id IS NULL");
        // A planted escalation later than the data's end is not in the data: escalated_at says.
        differs.append(" OR (t.escalated_at IS NOT NULL) IS DISTINCT FROM c.escalated");
        // An unresolved ticket's wait runs to the end of observation, which only the pipeline's
        // horizon defines; resolved tickets' waits are compared exactly.
        differs.append(
                " OR (t.full_resolution_seconds IS NOT NULL AND (t.requester_wait_seconds IS"
                        + " DISTINCT FROM c.requester_wait_seconds OR"
                        + " t.requester_wait_business_seconds IS DISTINCT FROM"
                        + " c.business_requester_wait_seconds))");
        String sql =
                "SELECT "
                        + shown
                        + " FROM read_json_auto('"
                        + dir.resolve("data/truth/cases.jsonl")
                        + "') t LEFT JOIN "
                        + table("cases")
                        + " c USING (ticket_id) WHERE "
                        + differs
                        + " ORDER BY 1 LIMIT 5";

        assertThat(
                        count(
                                "SELECT count(*) FROM read_json_auto('"
                                        + dir.resolve("data/truth/cases.jsonl")
                                        + "')"))
                .isEqualTo(1500);
        assertThat(rows(sql)).as("tickets whose clocks differ from the truth").isEmpty();
        assertThat(count("SELECT count(*) FROM " + table("cases") + " WHERE ticket_id IS NOT NULL"))
                .as("one case per ticket")
                .isEqualTo(1500);
    }

    @Test
    void everyBrokenAndRepeatedLineIsAccountedFor() throws Exception {
        JsonNode parameters =
                new ObjectMapper().readTree(dir.resolve("data/truth/parameters.json").toFile());
        JsonNode noise = parameters.path("noise");
        long malformed =
                noise.path("desk_events").path("malformed_lines").path("total").asLong()
                        + noise.path("posts").path("malformed_lines").path("total").asLong();

        assertThat(count("SELECT count(*) FROM " + table("rejects"))).isEqualTo(malformed);
        assertThat(counts.get(Counters.DUPLICATES))
                .isEqualTo(noise.path("posts").path("duplicate_tweets").asLong());
        assertThat(counts.get(Counters.DUPLICATE_EVENTS))
                .isEqualTo(noise.path("desk_events").path("duplicate_rows").asLong());
        assertThat((Long) counts.get(Counters.READ))
                .isEqualTo(
                        (Long) counts.get(Counters.ACCEPTED)
                                + (Long) counts.get(Counters.REJECTED)
                                + (Long) counts.get(Counters.LATE));
    }

    static String table(String name) {
        return "read_parquet('"
                + dir.resolve("tables").resolve(name)
                + "/dt=*/[!.]*.parquet', hive_partitioning=true)";
    }
}
