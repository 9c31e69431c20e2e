package io.squeaky.generate;

/** How many tickets of each kind a run planted and how many of them the data shows resolved. */
final class CaseTally {

    private long tickets;
    private long twitterFirst;
    private long escalationsPlanted;
    private long escalated;
    private long escalationsObserved;
    private long reopensPlanted;
    private long offHours;
    private long storm;
    private long fullyResolved;
    private long resolutionCensored;

    void add(CaseScript script, CaseClocks clocks, boolean censored) {
        tickets++;
        twitterFirst += script.firstChannel().traditional() ? 0 : 1;
        escalationsPlanted += script.wouldEscalate() ? 1 : 0;
        escalated += script.escalated() ? 1 : 0;
        escalationsObserved += clocks.escalatedAt() != null ? 1 : 0;
        reopensPlanted += script.reopened() ? 1 : 0;
        offHours += script.offHours() ? 1 : 0;
        storm += script.arrival().storm() ? 1 : 0;
        fullyResolved += clocks.fullResolutionAt() != null ? 1 : 0;
        resolutionCensored += censored ? 1 : 0;
    }

    long tickets() {
        return tickets;
    }

    long twitterFirst() {
        return twitterFirst;
    }

    long escalationsPlanted() {
        return escalationsPlanted;
    }

    long escalated() {
        return escalated;
    }

    long escalationsObserved() {
        return escalationsObserved;
    }

    long reopensPlanted() {
        return reopensPlanted;
    }

    long offHours() {
        return offHours;
    }

    long storm() {
        return storm;
    }

    long fullyResolved() {
        return fullyResolved;
    }

    long resolutionCensored() {
        return resolutionCensored;
    }
}
