package io.squeaky;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two runs wrote the same rows, each as often: DuckDB's {@code EXCEPT ALL} both ways, so a row
 * lost, added, changed or written twice shows as a difference, with up to five of them quoted.
 */
public final class SameRows {

    private SameRows() {}

    /**
     * @param table what is compared, for the messages
     * @param left a relation (a table, or a parenthesised query) and, after it, who wrote it
     */
    public static void assertSameRows(
            String table, String left, String leftRun, String right, String rightRun)
            throws Exception {
        assertThat(DuckDb.rows("(FROM " + left + " EXCEPT ALL FROM " + right + ") LIMIT 5"))
                .as("%s rows only %s wrote", table, leftRun)
                .isEmpty();
        assertThat(DuckDb.rows("(FROM " + right + " EXCEPT ALL FROM " + left + ") LIMIT 5"))
                .as("%s rows only %s wrote", table, rightRun)
                .isEmpty();
    }
}
