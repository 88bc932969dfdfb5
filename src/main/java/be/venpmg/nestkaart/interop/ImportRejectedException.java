package be.venpmg.nestkaart.interop;

import java.util.List;

/** A dataset was refused as a whole; nothing of it was written. */
public class ImportRejectedException extends RuntimeException {
    private final transient List<ImportProblem> problems;

    public ImportRejectedException(List<ImportProblem> problems) {
        super(problems.size() + " problem(s), first: " + problems.get(0));
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
