package io.squeaky.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BlankRowsTest {

    @Test
    void bareSeparatorsQuotesAndSpacesAreBlankInCsv() {
        assertThat(BlankRows.isBlank(",,,,,,", true)).isTrue();
        assertThat(BlankRows.isBlank("\"\",\"\", ,\t", true)).isTrue();
        assertThat(BlankRows.isBlank("", true)).isTrue();
    }

    @Test
    void anyContentIsNotBlank() {
        assertThat(BlankRows.isBlank(",,,x,,,", true)).isFalse();
        assertThat(BlankRows.isBlank("\"\"\"\",,", true)).as("a field holding a quote").isFalse();
        assertThat(BlankRows.isBlank("\",,", true)).as("an open quote is a reject").isFalse();
        assertThat(BlankRows.isBlank(",,,", false)).as("not blank as a JSON line").isFalse();
        assertThat(BlankRows.isBlank("  ", false)).isTrue();
    }
}
