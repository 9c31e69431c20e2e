package io.squeaky.soak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClassHistogramTest {

    private static final String EARLIER =
            """
            12345:
             num     #instances         #bytes  class name (module)
            -------------------------------------------------------
               1:         10000        1600000  [B (java.base@17.0.15)
               2:          5000         120000  java.lang.String (java.base@17.0.15)
               3:           100           4000  io.squeaky.cases.OpenCase
            Total         15100        1724000
            """;

    private static final String LATER =
            """
            12345:
             num     #instances         #bytes  class name (module)
            -------------------------------------------------------
               1:         10100        1616000  [B (java.base@17.0.15)
               2:          9000         216000  java.lang.String (java.base@17.0.15)
               3:            50           2000  io.squeaky.cases.OpenCase
               4:            10            400  io.squeaky.cases.Storm
            Total         19160        1834400
            """;

    @Test
    void readsEveryClassRowAndNotTheTotal() {
        ClassHistogram histogram = ClassHistogram.parse(EARLIER);
        assertThat(histogram.classes()).hasSize(3);
        assertThat(histogram.classes().get("java.lang.String"))
                .isEqualTo(new ClassHistogram.Entry(5000, 120000));
        assertThat(histogram.totalBytes()).isEqualTo(1724000);
    }

    @Test
    void namesTheClassesThatGrewMostFirstAndLeavesOutThoseThatShrank() {
        var grown = ClassHistogram.parse(EARLIER).grownInto(ClassHistogram.parse(LATER), 10);
        assertThat(grown)
                .extracting(ClassHistogram.Growth::className)
                .containsExactly("java.lang.String", "[B", "io.squeaky.cases.Storm");
        assertThat(grown.get(0).bytes()).isEqualTo(96000);
        assertThat(grown.get(0).instances()).isEqualTo(4000);
        assertThat(grown.get(2).line()).contains("+400 B").contains("io.squeaky.cases.Storm");
    }
}
