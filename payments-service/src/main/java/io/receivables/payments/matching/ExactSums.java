package io.receivables.payments.matching;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The smallest set of amounts (two to {@code maxSize} of them) that sums exactly to a target, and among sets of that
 * size the first in the amounts' order (the caller orders them oldest first, so this is the oldest set). Whether it is
 * the only one of its size is reported too: two sets that fit equally make the match ambiguous. The search is bounded
 * by a budget of visited partial sets, so that thousands of open invoices cost a bounded time; when the budget runs
 * out no set is claimed.
 */
public final class ExactSums {

    /** The set found, as indexes into the amounts in ascending order, and whether no other set of its size fits. */
    public record Found(List<Integer> indexes, boolean unique) {
    }

    private ExactSums() {
    }

    public static Found smallestOldest(List<BigDecimal> amounts, BigDecimal target, int maxSize, int budget) {
        int scale = Math.max(target.scale(), amounts.stream().mapToInt(BigDecimal::scale).max().orElse(0));
        long goal = target.movePointRight(scale).longValueExact();
        long[] values = amounts.stream().mapToLong(a -> a.setScale(scale).movePointRight(scale).longValueExact())
                .toArray();
        Found pair = pairs(values, goal);
        if (pair != null) {
            return pair;
        }
        for (int size = 3; size <= maxSize && size <= values.length; size++) {
            Search search = new Search(values, goal, size, budget);
            search.from(0, 0, 0);
            if (search.exhausted) {
                return null;
            }
            if (search.first != null) {
                return new Found(search.first, search.solutions == 1);
            }
        }
        return null;
    }

    /** Two amounts: for each first index in order, the earliest later partner; linear with a map of positions. */
    private static Found pairs(long[] values, long goal) {
        Map<Long, List<Integer>> positions = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            positions.computeIfAbsent(values[i], v -> new ArrayList<>()).add(i);
        }
        List<Integer> first = null;
        int solutions = 0;
        for (int i = 0; i < values.length && solutions < 2; i++) {
            for (int j : positions.getOrDefault(goal - values[i], List.of())) {
                if (j > i && values[i] > 0 && values[j] > 0) {
                    solutions++;
                    if (first == null) {
                        first = List.of(i, j);
                    }
                    if (solutions >= 2) {
                        break;
                    }
                }
            }
        }
        return first == null ? null : new Found(first, solutions == 1);
    }

    private static final class Search {
        final long[] values;
        final long goal;
        final int size;
        final int[] chosen;
        final long[] suffixMax;
        final long[] suffixMin;
        int budget;
        boolean exhausted;
        List<Integer> first;
        int solutions;

        Search(long[] values, long goal, int size, int budget) {
            this.values = values;
            this.goal = goal;
            this.size = size;
            this.chosen = new int[size];
            this.budget = budget;
            suffixMax = new long[values.length + 1];
            suffixMin = new long[values.length + 1];
            suffixMax[values.length] = Long.MIN_VALUE;
            suffixMin[values.length] = Long.MAX_VALUE;
            for (int i = values.length - 1; i >= 0; i--) {
                suffixMax[i] = Math.max(values[i], suffixMax[i + 1]);
                suffixMin[i] = Math.min(values[i], suffixMin[i + 1]);
            }
        }

        /** Chooses the {@code depth}-th amount from index {@code start} on; stops at the second solution. */
        void from(int start, int depth, long sum) {
            if (solutions >= 2 || exhausted) {
                return;
            }
            if (depth == size) {
                if (sum == goal) {
                    solutions++;
                    if (first == null) {
                        List<Integer> indexes = new ArrayList<>();
                        for (int index : chosen) {
                            indexes.add(index);
                        }
                        first = List.copyOf(indexes);
                    }
                }
                return;
            }
            int missing = size - depth;
            for (int i = start; i <= values.length - missing; i++) {
                if (--budget < 0) {
                    exhausted = true;
                    return;
                }
                long rest = goal - sum;
                // even the largest (smallest) of what is left cannot reach (stay under) the goal
                if (suffixMax[i] * missing < rest || suffixMin[i] * missing > rest) {
                    return;
                }
                if (values[i] <= 0 || values[i] > rest) {
                    continue;
                }
                chosen[depth] = i;
                from(i + 1, depth + 1, sum + values[i]);
                if (solutions >= 2 || exhausted) {
                    return;
                }
            }
        }
    }
}
