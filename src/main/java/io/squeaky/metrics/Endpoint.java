package io.squeaky.metrics;

import io.squeaky.records.CaseFacts;
import io.squeaky.stats.Observation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** What a follow-up waits for. Times are in seconds. */
public enum Endpoint {
    FIRST_REPLY,
    RESOLUTION;

    /** Computed once: the fits and the intervals ask for it per row. */
    private final String label = name().toLowerCase(Locale.ROOT);

    public Observation observation(CaseFacts facts, Clock clock) {
        boolean business = clock == Clock.BUSINESS;
        return switch (this) {
            case FIRST_REPLY ->
                    new Observation(
                            business ? facts.getBusinessReplySeconds() : facts.getReplySeconds(),
                            facts.getReplied(),
                            facts.getCustomerId());
            case RESOLUTION ->
                    new Observation(
                            business
                                    ? facts.getBusinessResolutionSeconds()
                                    : facts.getResolutionSeconds(),
                            facts.getResolved(),
                            facts.getCustomerId());
        };
    }

    /**
     * The observations of the cases: every case is followed for both endpoints, a social case for a
     * resolution its conversation confirms, a ticket for its service desk's.
     */
    public List<Observation> observations(Collection<CaseFacts> cases, Clock clock) {
        List<Observation> observations = new ArrayList<>();
        for (CaseFacts facts : cases) {
            observations.add(observation(facts, clock));
        }
        return observations;
    }

    public String label() {
        return label;
    }

    /** Calendar time, or only the time the brand's desk declares itself open. */
    public enum Clock {
        CALENDAR,
        BUSINESS;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
