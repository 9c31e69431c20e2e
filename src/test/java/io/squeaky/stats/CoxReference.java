package io.squeaky.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The reference fits written by {@code src/test/resources/cox-reference/reference.R} (R 4.2.2,
 * survival 3.5-3): each model's specification and global results, its coefficients, and the data
 * set it was fitted to, as the doubles R fitted.
 */
final class CoxReference {

    /** One line of {@code models.csv}. */
    record Model(Map<String, String> fields) {

        String name() {
            return fields.get("model");
        }

        String text(String field) {
            return fields.get(field);
        }

        double number(String field) {
            return ReferenceCsv.number(fields.get(field));
        }

        Ties ties() {
            return Ties.valueOf(text("ties").toUpperCase());
        }

        int maxIterations() {
            return (int) number("iter_max");
        }

        List<String> covariates() {
            return List.of(text("covariates").split(" "));
        }

        @Override
        public String toString() {
            return name();
        }
    }

    /** One line of {@code coefficients.csv}. */
    record Coefficient(
            String covariate,
            double coef,
            double se,
            double robustSe,
            double z,
            double p,
            double lower95,
            double upper95) {}

    private CoxReference() {}

    static List<Model> models() {
        return ReferenceCsv.read("models.csv").stream().map(Model::new).toList();
    }

    static Model model(String name) {
        return models().stream()
                .filter(model -> model.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    static List<Coefficient> coefficients(Model model) {
        return ReferenceCsv.read("coefficients.csv").stream()
                .filter(row -> row.get("model").equals(model.name()))
                .map(
                        row ->
                                new Coefficient(
                                        row.get("covariate"),
                                        number(row.get("coef")),
                                        number(row.get("se")),
                                        number(row.get("robust_se")),
                                        number(row.get("z")),
                                        number(row.get("p")),
                                        number(row.get("lower95")),
                                        number(row.get("upper95"))))
                .toList();
    }

    /** The model's data set as rows, with its start, stop, event, strata and cluster columns. */
    static List<CountingProcessRow> rows(Model model) {
        List<CountingProcessRow> rows = new ArrayList<>();
        for (Map<String, String> line : ReferenceCsv.read("data/" + model.text("data") + ".csv")) {
            double[] covariates =
                    model.covariates().stream()
                            .mapToDouble(name -> number(line.get(name)))
                            .toArray();
            String strata = model.text("strata");
            String cluster = model.text("cluster");
            rows.add(
                    new CountingProcessRow(
                            number(line.get(model.text("start"))),
                            number(line.get(model.text("stop"))),
                            number(line.get(model.text("event"))) == 1,
                            covariates,
                            strata.isEmpty() ? "all" : line.get(strata),
                            cluster.isEmpty() ? null : line.get(cluster)));
        }
        return rows;
    }

    static CoxData data(Model model) {
        return CoxData.of(model.covariates(), rows(model));
    }

    static CoxFit fit(Model model) {
        return new CoxModel(model.ties(), model.maxIterations()).fit(data(model));
    }

    private static double number(String value) {
        return ReferenceCsv.number(value);
    }
}
