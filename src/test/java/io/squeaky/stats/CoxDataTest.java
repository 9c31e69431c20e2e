package io.squeaky.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

class CoxDataTest {

    private static final CoxReference.Model MODEL = CoxReference.model("edge_strata_efron");

    @Test
    void strataAndClustersNumberedByTheCallerFitAsWhenNamed() {
        List<CountingProcessRow> rows = CoxReference.rows(MODEL);
        CoxFit named = new CoxModel(MODEL.ties()).fit(CoxData.of(MODEL.covariates(), rows));

        // Numbers far apart, as a brand's customers numbered over a whole input, and numbers
        // below twice the rows, the k-th name seen given the reverse of k: neither is the order
        // of first appearance, which the data number them in.
        IntUnaryOperator sparse = k -> 1_000_000 - 7_919 * k;
        IntUnaryOperator dense = k -> rows.size() - k;
        for (IntUnaryOperator numbering : List.of(sparse, dense)) {
            CoxData data = numbered(rows, numbering);
            CoxFit fit = new CoxModel(MODEL.ties()).fit(data);

            assertThat(data.strata()).isEqualTo(2);
            assertThat(data.clusters()).isEqualTo(named.clusters()).isGreaterThan(2);
            assertThat(fit).isEqualTo(named);
        }
    }

    @Test
    void theBuilderCopiesEachRowSoThatTheCallerMayReuseItsArray() {
        List<CountingProcessRow> rows = CoxReference.rows(MODEL);
        CoxFit named = new CoxModel(MODEL.ties()).fit(CoxData.of(MODEL.covariates(), rows));

        double[] reused = new double[MODEL.covariates().size()];
        Map<String, Integer> strata = new HashMap<>();
        Map<String, Integer> clusters = new HashMap<>();
        CoxData.Builder builder = CoxData.builder(MODEL.covariates());
        for (CountingProcessRow row : rows) {
            System.arraycopy(row.covariates(), 0, reused, 0, reused.length);
            builder.add(
                    row.start(),
                    row.stop(),
                    row.event(),
                    reused,
                    strata.computeIfAbsent(row.stratum(), key -> strata.size()),
                    clusters.computeIfAbsent(row.cluster(), key -> clusters.size()));
        }
        Arrays.fill(reused, Double.NaN);

        assertThat(new CoxModel(MODEL.ties()).fit(builder.build())).isEqualTo(named);
    }

    private static CoxData numbered(List<CountingProcessRow> rows, IntUnaryOperator numbering) {
        Map<String, Integer> strata = new HashMap<>();
        Map<String, Integer> clusters = new HashMap<>();
        CoxData.Builder builder = CoxData.builder(MODEL.covariates());
        for (CountingProcessRow row : rows) {
            int stratum = strata.computeIfAbsent(row.stratum(), key -> strata.size());
            int cluster = clusters.computeIfAbsent(row.cluster(), key -> clusters.size());
            builder.add(
                    row.start(),
                    row.stop(),
                    row.event(),
                    row.covariates(),
                    numbering.applyAsInt(stratum),
                    numbering.applyAsInt(cluster));
        }
        return builder.build();
    }
}
