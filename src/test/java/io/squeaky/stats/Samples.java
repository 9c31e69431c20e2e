package io.squeaky.stats;

import java.util.ArrayList;
import java.util.List;

/** Survival samples written as textbooks print them: "6 6+ 7", a plus marking a censored time. */
final class Samples {

    private Samples() {}

    /** Each observation is its own cluster, as in a trial with one record per patient. */
    static List<Observation> of(String times) {
        List<Observation> observations = new ArrayList<>();
        for (String token : times.trim().split("\\s+")) {
            boolean censored = token.endsWith("+");
            double time =
                    Double.parseDouble(censored ? token.substring(0, token.length() - 1) : token);
            observations.add(new Observation(time, !censored, "subject-" + observations.size()));
        }
        return observations;
    }
}
