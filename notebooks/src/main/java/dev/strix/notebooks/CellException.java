package dev.strix.notebooks;

import java.util.List;

/**
 * A cell that did not compile or threw: the exception's name and message as Jupyter's
 * {@code ename}/{@code evalue}, and a readable report whose lines name the cell line.
 */
public final class CellException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final List<String> report;

    CellException(String name, String message, List<String> report) {
        super(message);
        this.name = name;
        this.report = List.copyOf(report);
    }

    /** The error's name: {@code CompilationError}, {@code IncompleteInput} or the thrown class's. */
    public String name() {
        return name;
    }

    /** The report shown under the cell, one line per entry, without terminal colours. */
    public List<String> report() {
        return report;
    }

    @Override
    public String toString() {
        return String.join("\n", report);
    }
}
