package io.squeaky.metrics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * One endpoint's intervals with their case, customer and brand numbered once, for every model
 * fitted to them: each fit then counts cases and names strata and clusters without hashing a
 * string. A batch run's periods are parts of its whole input, so they take their numbers from the
 * whole input's ({@link #at}) instead of hashing every string again.
 */
final class NumberedIntervals {

    private final IntervalColumns columns;
    private final int[] cases;
    private final int[] customers;
    private final int[] brands;
    private final int caseCount;
    private final int customerCount;
    private final String[] brandNames;
    private final Map<String, int[]> byBrand;

    private NumberedIntervals(
            IntervalColumns columns,
            int[] cases,
            int caseCount,
            int[] customers,
            int customerCount,
            int[] brands,
            String[] brandNames) {
        this.columns = columns;
        this.cases = cases;
        this.caseCount = caseCount;
        this.customers = customers;
        this.customerCount = customerCount;
        this.brands = brands;
        this.brandNames = brandNames;
        this.byBrand = byBrand(brands, brandNames);
    }

    static NumberedIntervals of(List<CaseInterval> intervals) {
        int n = intervals.size();
        Map<String, Integer> caseNumbers = new HashMap<>();
        Map<String, Integer> customerNumbers = new HashMap<>();
        Map<String, Integer> brandNumbers = new HashMap<>();
        int[] cases = new int[n];
        int[] customers = new int[n];
        int[] brands = new int[n];
        CaseInterval previous = null;
        for (int i = 0; i < n; i++) {
            CaseInterval interval = intervals.get(i);
            // Rows in the fits' order come case after case: most take the previous row's
            // numbers, which a comparison finds sooner than a hash.
            boolean sameCase = previous != null && interval.caseId().equals(previous.caseId());
            cases[i] = sameCase ? cases[i - 1] : number(caseNumbers, interval.caseId());
            customers[i] =
                    sameCase && interval.customerId().equals(previous.customerId())
                            ? customers[i - 1]
                            : number(customerNumbers, interval.customerId());
            brands[i] =
                    sameCase && interval.brand().equals(previous.brand())
                            ? brands[i - 1]
                            : number(brandNumbers, interval.brand());
            previous = interval;
        }
        String[] brandNames = new String[brandNumbers.size()];
        brandNumbers.forEach((name, number) -> brandNames[number] = name);
        return new NumberedIntervals(
                IntervalColumns.of(intervals),
                cases,
                caseNumbers.size(),
                customers,
                customerNumbers.size(),
                brands,
                brandNames);
    }

    /**
     * The intervals at {@code positions}, in that order, with cases and customers numbered again
     * from 0 so that a fit over a few of them sizes its tables by those few.
     */
    NumberedIntervals at(int[] positions) {
        int[] partBrands = new int[positions.length];
        for (int k = 0; k < positions.length; k++) {
            partBrands[k] = brands[positions[k]];
        }
        Dense partCases = Dense.of(cases, caseCount, positions);
        Dense partCustomers = Dense.of(customers, customerCount, positions);
        return new NumberedIntervals(
                columns.at(positions),
                partCases.numbers,
                partCases.count,
                partCustomers.numbers,
                partCustomers.count,
                partBrands,
                brandNames);
    }

    int size() {
        return columns.size();
    }

    /** What the models read of the intervals, by position. */
    IntervalColumns columns() {
        return columns;
    }

    /** How many cases the intervals are of: case numbers run from 0 to one less. */
    int caseCount() {
        return caseCount;
    }

    int caseOf(int position) {
        return cases[position];
    }

    int customerOf(int position) {
        return customers[position];
    }

    int brandOf(int position) {
        return brands[position];
    }

    /** Every interval's position. */
    int[] all() {
        return IntStream.range(0, columns.size()).toArray();
    }

    /** Each brand's intervals, as positions in order, brands in name order. */
    Map<String, int[]> byBrand() {
        return byBrand;
    }

    private static Map<String, int[]> byBrand(int[] brands, String[] brandNames) {
        int[] sizes = new int[brandNames.length];
        for (int brand : brands) {
            sizes[brand]++;
        }
        int[][] positions = new int[brandNames.length][];
        for (int b = 0; b < positions.length; b++) {
            positions[b] = new int[sizes[b]];
        }
        int[] filled = new int[brandNames.length];
        for (int i = 0; i < brands.length; i++) {
            positions[brands[i]][filled[brands[i]]++] = i;
        }
        Map<String, int[]> byBrand = new TreeMap<>();
        for (int b = 0; b < positions.length; b++) {
            if (sizes[b] > 0) {
                byBrand.put(brandNames[b], positions[b]);
            }
        }
        return byBrand;
    }

    private static int number(Map<String, Integer> numbers, String name) {
        return numbers.computeIfAbsent(name, key -> numbers.size());
    }

    /** Numbers of a part, numbered again from 0 in order of first appearance. */
    private record Dense(int[] numbers, int count) {

        static Dense of(int[] whole, int wholeCount, int[] positions) {
            int[] assigned = new int[wholeCount];
            Arrays.fill(assigned, -1);
            int[] numbers = new int[positions.length];
            int count = 0;
            for (int k = 0; k < positions.length; k++) {
                int number = whole[positions[k]];
                if (assigned[number] < 0) {
                    assigned[number] = count++;
                }
                numbers[k] = assigned[number];
            }
            return new Dense(numbers, count);
        }
    }
}
