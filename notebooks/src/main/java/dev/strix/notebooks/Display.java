package dev.strix.notebooks;

/**
 * What cells call: {@code display(x)} shows {@code x} under the cell now, as the cell's result
 * would be shown (an array as a table, a figure as a picture). Statically imported at start-up.
 */
public final class Display {
    private Display() {
    }

    /** Shows {@code value} in the notebook, richly when it can be. */
    public static void display(Object value) {
        CellEvaluator evaluator = CellEvaluator.current();
        if (evaluator == null) {
            throw new IllegalStateException("display(...) needs a running Strix kernel");
        }
        evaluator.display(value);
    }
}
