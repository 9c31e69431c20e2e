package io.squeaky.metrics;

import static io.squeaky.metrics.Facts.T0;
import static io.squeaky.metrics.Facts.replied;
import static io.squeaky.metrics.Facts.ticket;
import static io.squeaky.metrics.Facts.unanswered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.squeaky.clock.BusinessSchedule;
import io.squeaky.records.BrandHourRow;
import io.squeaky.records.BrandMetricRow;
import io.squeaky.records.CaseFacts;
import io.squeaky.records.EquityRow;
import io.squeaky.records.PressureEffectRow;
import io.squeaky.stats.KaplanMeier;
import io.squeaky.stats.LogRank;
import io.squeaky.stats.MedianRatioBootstrap;
import io.squeaky.stats.Observation;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PeriodStatisticsTest {

    private static final StatisticsSettings SETTINGS =
            StatisticsSettings.of(StatsPeriod.DAY, 199, 7, 10, 86_400_000L, "test");
    private static final BusinessSchedule DESK = BusinessSchedule.officeHours(ZoneOffset.UTC);
    private static final long DAY_START = StatsPeriod.DAY.startOf(T0);

    private static PeriodStatistics of(List<CaseFacts> cases) {
        return PeriodStatistics.of(Facts.BRAND, DAY_START, cases, SETTINGS, DESK);
    }

    @Test
    void brandMetricsGiveKaplanMeierFiguresPerGroupWithRolledUpRows() {
        List<CaseFacts> cases =
                List.of(
                        replied("a", 60).build(),
                        replied("b", 120).build(),
                        unanswered("c", 300).build(),
                        replied("d", 600).build(),
                        ticket(replied("e", 30), 7200, true)
                                .setFirstChannel("phone")
                                .setPressureBucket(null)
                                .build(),
                        unanswered("f", 600).setPressureBucket("HIGH").build());

        List<BrandMetricRow> rows = of(cases).brandMetrics();

        assertThat(rows).as("9 groups, 2 endpoints, 2 clocks").hasSize(9 * 2 * 2);
        BrandMetricRow twitterNone = find(rows, "twitter", "NONE", "first_reply", "calendar");
        assertThat(twitterNone.getCases()).isEqualTo(4);
        assertThat(twitterNone.getEvents()).isEqualTo(3);
        assertThat(twitterNone.getCensored()).isEqualTo(1);
        assertThat(twitterNone.getMedianSeconds())
                .as("S falls to exactly 1/2 at 120 s and stays there until 600 s")
                .isEqualTo(360.0);
        assertThat(twitterNone.getP90Seconds()).isEqualTo(600.0);
        assertThat(twitterNone.getShareWithin1h()).isEqualTo(1.0);
        assertThat(twitterNone.getPeriod()).isEqualTo("DAY");
        assertThat(twitterNone.getPeriodStart()).isEqualTo(DAY_START);
        assertThat(twitterNone.getConfigHash()).isEqualTo(SETTINGS.configHash());

        assertThat(find(rows, "all", "ALL", "first_reply", "calendar").getCases()).isEqualTo(6);
        assertThat(find(rows, "twitter", "ALL", "first_reply", "calendar").getCases()).isEqualTo(5);
        assertThat(find(rows, "phone", "UNKNOWN", "first_reply", "calendar").getCases())
                .isEqualTo(1);
        BrandMetricRow resolution = find(rows, "phone", "UNKNOWN", "resolution", "business");
        assertThat(resolution.getCases()).as("the resolved ticket").isEqualTo(1);
        assertThat(resolution.getMedianSeconds()).isEqualTo(2400.0);
        assertThat(find(rows, "phone", "UNKNOWN", "resolution", "calendar").getMedianSeconds())
                .isEqualTo(7200.0);
        BrandMetricRow allResolution = find(rows, "all", "ALL", "resolution", "calendar");
        assertThat(allResolution.getCases())
                .as("social cases are followed for resolution too")
                .isEqualTo(6);
        assertThat(allResolution.getEvents()).isEqualTo(1);

        BrandMetricRow unanswered = find(rows, "twitter", "HIGH", "first_reply", "calendar");
        assertThat(unanswered.getMedianSeconds()).as("never reached").isNull();
        assertThat(unanswered.getShareWithin1h())
                .as("an hour lies beyond the only case's 10 minutes of follow-up")
                .isNull();
    }

    @Test
    void pressureEffectsCompareGroupsWithBootstrapIntervalsWhereBothAreLargeEnough() {
        List<CaseFacts> cases = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            boolean escalated = i % 5 < 2;
            long seconds = (escalated ? 300 : 900) + 37L * i;
            CaseFacts.Builder facts =
                    i % 7 == 0 ? unanswered("c" + i, seconds) : replied("c" + i, seconds);
            cases.add(facts.setEscalated(escalated).setReachFollowers(10L + i).build());
        }

        List<PressureEffectRow> all = of(cases).pressureEffects();

        assertThat(all)
                .extracting(r -> r.getComparison() + "/" + r.getEndpoint())
                .as("every case is followed for resolution too, here none resolved")
                .containsExactlyInAnyOrder(
                        "escalated_vs_not/first_reply",
                        "escalated_vs_not/resolution",
                        "reach_top_vs_bottom_quintile/first_reply",
                        "reach_top_vs_bottom_quintile/resolution");
        List<PressureEffectRow> rows =
                all.stream().filter(r -> r.getEndpoint().equals("first_reply")).toList();
        PressureEffectRow escalation = rows.get(0);
        List<Observation> group = observations(cases, true);
        List<Observation> reference = observations(cases, false);
        assertThat(escalation.getGroupCases()).isEqualTo(12);
        assertThat(escalation.getReferenceCases()).isEqualTo(18);
        assertThat(escalation.getGroupEvents())
                .isEqualTo((int) group.stream().filter(Observation::event).count());
        assertThat(escalation.getGroupMedianSeconds())
                .isEqualTo(KaplanMeier.fit(group).quantilePoint(0.5));
        assertThat(escalation.getMedianRatio())
                .isEqualTo(MedianRatioBootstrap.pointEstimate(group, reference))
                .isLessThan(1);
        assertThat(escalation.getRatioLower()).isLessThanOrEqualTo(escalation.getMedianRatio());
        assertThat(escalation.getRatioUpper()).isGreaterThanOrEqualTo(escalation.getMedianRatio());
        assertThat(escalation.getReplications()).isEqualTo(199);
        assertThat(escalation.getConfidenceLevel()).isEqualTo(0.95);
        assertThat(escalation.getLogrankPValue())
                .isEqualTo(LogRank.test(group, reference).pValue());
        assertThat(escalation.getMethod())
                .contains("199 replicates")
                .contains("immortal-time bias")
                .contains("effects table");

        PressureEffectRow reach = rows.get(1);
        assertThat(reach.getGroupLabel()).isEqualTo("reach_q5");
        assertThat(reach.getGroupCases()).isEqualTo(6);
        assertThat(reach.getRatioLower()).as("six cases a side: no interval").isNull();
        assertThat(reach.getReplications()).isZero();
        assertThat(reach.getMethod())
                .contains("fewer than 10 cases")
                .as("reach at the first post is known at the open")
                .doesNotContain("immortal");

        List<CaseFacts> shuffled = new ArrayList<>(cases);
        Collections.shuffle(shuffled, new Random(3));
        assertThat(of(shuffled)).as("arrival order changes nothing").isEqualTo(of(cases));
    }

    @Test
    void equityComparesFollowerDecilesAndTheBottomThreeWithTheTopThree() {
        List<CaseFacts> cases = new ArrayList<>();
        for (int f = 1; f <= 20; f++) {
            boolean bottom = f <= 6;
            boolean top = f >= 15;
            String id = String.format("c%02d", f);
            CaseFacts.Builder facts =
                    (bottom && f % 2 == 0) || f == 20
                            ? unanswered(id, 100 * 3600)
                            : replied(id, top || bottom ? 1800 : 7200);
            cases.add(facts.setFollowersAtOpen((long) f).build());
        }
        cases.add(replied("unknown", 60).setFollowersAtOpen(null).build());

        List<EquityRow> rows = of(cases).equity();

        assertThat(rows).hasSize(11);
        EquityRow first = rows.get(0);
        assertThat(first.getFollowerDecile()).isEqualTo(1);
        assertThat(first.getFollowersMin()).isEqualTo(1L);
        assertThat(first.getFollowersMax()).isEqualTo(2L);
        assertThat(first.getCases()).isEqualTo(2);
        assertThat(first.getReplied()).isEqualTo(1);
        assertThat(first.getAnsweredWithin24h()).isEqualTo(0.5);
        assertThat(first.getBottom3Unanswered24h()).isEqualTo(0.5);
        assertThat(first.getTop3Unanswered24h()).isCloseTo(1 / 6.0, within(1e-12));
        assertThat(first.getLeftBehind24h()).isCloseTo(3.0, within(1e-9));
        assertThat(first.getLeftBehind72h()).isCloseTo(3.0, within(1e-9));
        assertThat(rows.get(5).getMedianReplySeconds()).isEqualTo(7200.0);
        assertThat(rows.get(10).getFollowerDecile()).as("followers unknown").isNull();
        assertThat(rows.get(10).getCases()).isEqualTo(1);
        assertThat(rows)
                .allSatisfy(
                        r -> assertThat(r.getLeftBehind24h()).isEqualTo(first.getLeftBehind24h()));
    }

    @Test
    void brandHoursSetFirstRepliesAgainstWaitingTimeBesideTheDeclaredSchedule() {
        List<CaseFacts> cases = List.of(replied("a", 5400).build(), unanswered("b", 7200).build());

        List<BrandHourRow> rows = of(cases).brandHours();

        int tuesdayTen = 24 + 10;
        assertThat(rows)
                .extracting(BrandHourRow::getHourOfWeek)
                .containsExactly(tuesdayTen, tuesdayTen + 1);
        BrandHourRow ten = rows.get(0);
        assertThat(ten.getDayOfWeek()).isEqualTo("TUESDAY");
        assertThat(ten.getHourOfDay()).isEqualTo(10);
        assertThat(ten.getWaitingCaseHours()).isEqualTo(2.0);
        assertThat(ten.getFirstReplies()).isZero();
        assertThat(ten.getReplyIntensity()).isZero();
        assertThat(ten.getDeclaredOpenShare()).isEqualTo(1.0);
        BrandHourRow eleven = rows.get(1);
        assertThat(eleven.getWaitingCaseHours()).isEqualTo(1.5);
        assertThat(eleven.getFirstReplies()).isEqualTo(1);
        assertThat(eleven.getReplyIntensity()).isCloseTo(1 / 1.5, within(1e-12));
        assertThat(eleven.getTimeZone()).isEqualTo("Z");
    }

    private static List<Observation> observations(List<CaseFacts> cases, boolean escalated) {
        return cases.stream()
                .filter(c -> c.getEscalated() == escalated)
                .map(c -> new Observation(c.getReplySeconds(), c.getReplied(), c.getCustomerId()))
                .toList();
    }

    private static BrandMetricRow find(
            List<BrandMetricRow> rows,
            String channel,
            String bucket,
            String endpoint,
            String clock) {
        return rows.stream()
                .filter(
                        r ->
                                r.getFirstChannel().equals(channel)
                                        && r.getPressureBucket().equals(bucket)
                                        && r.getEndpoint().equals(endpoint)
                                        && r.getClock().equals(clock))
                .findFirst()
                .orElseThrow();
    }
}
