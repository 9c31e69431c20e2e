package io.squeaky.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.text.ConversationResolution.Confirmation;
import io.squeaky.text.LabelledConversations.Labelled;
import io.squeaky.text.LabelledConversations.Message;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The resolution signal measured on real conversations labelled by hand
 * (src/test/resources/resolution-labels: GUIDE.md says how they were drawn and labelled). Each
 * conversation is read post by post through {@link ConversationResolution}, the rule case assembly
 * applies; the confirmed-resolution class is resolved_by_customer with resolved_by_brand, and a
 * conversation labelled unclear counts against a signal that calls it resolved. The phrase lists
 * were tuned on the "tune" rows only; the figures that matter are the held-aside "test" rows',
 * reported per language here and in text-signals.md.
 */
class ResolutionSignalQualityTest {

    private static List<Labelled> labelled;

    @BeforeAll
    static void readTheLabelsAndTheirConversations() throws Exception {
        labelled = LabelledConversations.load();
    }

    @Test
    void theSampleIsLargeEnoughAndMultilingual() {
        assertThat(labelled).hasSizeGreaterThanOrEqualTo(300);
        assertThat(labelled).filteredOn(l -> l.language().equals("es")).hasSizeGreaterThan(60);
        assertThat(labelled.stream().map(Labelled::split).distinct()).contains("tune", "test");
        assertThat(labelled.stream().filter(l -> l.split().equals("test")).count())
                .isGreaterThan(labelled.size() / 3);
        assertThat(labelled)
                .filteredOn(Labelled::confirmed)
                .allMatch(l -> !l.resolutionPostId().isEmpty());
    }

    /** Every disagreement on the tuning part is printed: that is what tuning reads. */
    @Test
    void tuningPartMeetsThePrecisionTarget() {
        List<Labelled> tune = split("tune");
        for (Labelled l : tune) {
            Confirmation predicted = predict(l);
            if ((predicted != null) != l.confirmed()) {
                System.out.printf(
                        "tune disagreement %s %s %s labelled %s, read %s%n",
                        l.source(),
                        l.id(),
                        l.language(),
                        l.label(),
                        predicted == null ? "nothing" : predicted);
            }
        }
        Score all = Score.of(tune, l -> true);
        System.out.println("tune: " + all);
        assertThat(all.precision()).isGreaterThanOrEqualTo(0.9);
    }

    /**
     * The held-aside part misses the 0.9 target: 8 of the 10 conversations it reads as resolved are
     * (0.80; Wilson 95% interval 0.49 to 0.94), against 27 of 28 on the tuning part. The floors
     * below pin what was measured, so that a change to the phrase lists cannot quietly make it
     * worse; raising them to the target needs new labelled conversations, not retuning on these.
     * Recall leaves out the signal_audit stratum, drawn from what the signal read as resolved.
     */
    @Test
    void heldAsidePartKeepsItsMeasuredPrecisionAndRecall() {
        List<Labelled> test = split("test");
        Map<String, Score> perLanguage = new TreeMap<>();
        for (String language : test.stream().map(Labelled::language).collect(Collectors.toSet())) {
            perLanguage.put(language, Score.of(test, l -> l.language().equals(language)));
        }
        perLanguage.forEach(
                (language, score) -> System.out.println("test " + language + ": " + score));
        Score all = Score.of(test, l -> true);
        Score stratified = Score.of(test, l -> !l.stratum().equals("signal_audit"));
        System.out.println("test all: " + all);
        System.out.println("test without signal_audit: " + stratified);

        assertThat(all.precision()).isGreaterThanOrEqualTo(HELD_ASIDE_PRECISION_FLOOR);
        assertThat(stratified.recall()).isGreaterThanOrEqualTo(HELD_ASIDE_RECALL_FLOOR);
    }

    private static final double HELD_ASIDE_PRECISION_FLOOR = 0.8;
    private static final double HELD_ASIDE_RECALL_FLOOR = 0.4;

    private static List<Labelled> split(String name) {
        return labelled.stream().filter(l -> l.split().equals(name)).toList();
    }

    private static Confirmation predict(Labelled conversation) {
        ConversationResolution resolution = new ConversationResolution(new ResolutionSignal());
        for (Message message : conversation.messages()) {
            resolution.add(message.id(), message.createdAt(), message.text(), message.byCustomer());
        }
        return resolution.confirmation();
    }

    /** Counts of the confirmed-resolution class over the rows a filter keeps. */
    private record Score(
            int conversations, int truePositives, int falsePositives, int falseNegatives) {

        static Score of(List<Labelled> rows, Predicate<Labelled> keep) {
            int n = 0, tp = 0, fp = 0, fn = 0;
            for (Labelled row : rows) {
                if (!keep.test(row)) {
                    continue;
                }
                n++;
                boolean predicted = predict(row) != null;
                if (predicted && row.confirmed()) {
                    tp++;
                } else if (predicted) {
                    fp++;
                } else if (row.confirmed()) {
                    fn++;
                }
            }
            return new Score(n, tp, fp, fn);
        }

        double precision() {
            return truePositives + falsePositives == 0
                    ? Double.NaN
                    : truePositives / (double) (truePositives + falsePositives);
        }

        double recall() {
            return truePositives + falseNegatives == 0
                    ? Double.NaN
                    : truePositives / (double) (truePositives + falseNegatives);
        }

        @Override
        public String toString() {
            return String.format(
                    "%d conversations, %d labelled resolved, %d read resolved (%d right):"
                            + " precision %.3f, recall %.3f",
                    conversations,
                    truePositives + falseNegatives,
                    truePositives + falsePositives,
                    truePositives,
                    precision(),
                    recall());
        }
    }
}
