package dev.strix.notebooks;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import jdk.jshell.SourceCodeAnalysis;

/**
 * The Strix Jupyter kernel: jupyter-jvm-basekernel speaks the protocol, a {@link CellEvaluator}
 * runs the cells in this JVM, and {@link Rendering} turns results into MIME bundles.
 */
public final class StrixKernel extends BaseKernel {
    private final CellEvaluator evaluator;
    private final LanguageInfo languageInfo;

    public StrixKernel() {
        this.evaluator = new CellEvaluator(value -> display(toDisplayData(Rendering.of(value))));
        this.languageInfo = new LanguageInfo.Builder("java")
                .version(Runtime.version().toString())
                .mimetype("text/x-java-source")
                .fileExtension(".jshell")
                .pygments("java")
                .codemirror("text/x-java")
                .build();
    }

    /** The evaluator behind the kernel. */
    public CellEvaluator evaluator() {
        return evaluator;
    }

    static DisplayData toDisplayData(Rendering r) {
        DisplayData d = new DisplayData();
        r.data().forEach(d::putData);
        r.metadata().forEach(d::putMetaData);
        return d;
    }

    @Override
    public DisplayData eval(String code) throws Exception {
        Object result = evaluator.evaluate(code);
        return result == CellEvaluator.NO_RESULT ? null : toDisplayData(Rendering.of(result));
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        return languageInfo;
    }

    @Override
    public String getBanner() {
        return "Strix kernel: Java " + Runtime.version() + " (JShell), dev.strix.* imported";
    }

    @Override
    public List<String> formatError(Exception e) {
        if (e instanceof CellException) {
            return ((CellException) e).report();
        }
        return super.formatError(e);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions =
                evaluator.shell().sourceCodeAnalysis().completionSuggestions(code, at, anchor);
        if (suggestions == null || suggestions.isEmpty()) {
            return null;
        }
        List<String> options = suggestions.stream()
                .sorted((a, b) -> Boolean.compare(b.matchesType(), a.matchesType()))
                .map(SourceCodeAnalysis.Suggestion::continuation)
                .distinct()
                .collect(Collectors.toList());
        return new ReplacementOptions(options, anchor[0], at);
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        int end = at;
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        List<SourceCodeAnalysis.Documentation> docs =
                evaluator.shell().sourceCodeAnalysis().documentation(code, end, true);
        if (docs == null || docs.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (SourceCodeAnalysis.Documentation doc : docs) {
            parts.add(doc.signature() + (doc.javadoc() == null ? "" : "\n" + doc.javadoc()));
        }
        return new DisplayData(String.join("\n\n", parts));
    }

    @Override
    public String isComplete(String code) {
        SourceCodeAnalysis.CompletionInfo info = evaluator.shell().sourceCodeAnalysis().analyzeCompletion(code);
        while (info.completeness().isComplete() && !info.remaining().isBlank()) {
            info = evaluator.shell().sourceCodeAnalysis().analyzeCompletion(info.remaining());
        }
        switch (info.completeness()) {
            case COMPLETE:
            case COMPLETE_WITH_SEMI:
            case EMPTY:
                return IS_COMPLETE_YES;
            case UNKNOWN:
                return IS_COMPLETE_BAD;
            default:
                return "   ";
        }
    }

    @Override
    public void interrupt() {
        evaluator.interrupt();
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        evaluator.close();
    }
}
