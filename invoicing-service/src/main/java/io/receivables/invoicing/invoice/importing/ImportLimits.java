package io.receivables.invoicing.invoice.importing;

import java.util.List;

import io.receivables.common.problem.ProblemException;
import io.receivables.common.problem.ProblemType;

/** How much one upload may hold: larger histories are imported in several files. */
public final class ImportLimits {

    public static final int MAX_ROWS = 10_000;

    private ImportLimits() {
    }

    public static ProblemException tooManyRows(int rows, int max) {
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "The upload has " + rows + " rows; at most " + max
                + " are accepted per request: split the file", List.of());
    }
}
