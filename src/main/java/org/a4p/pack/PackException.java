package org.a4p.pack;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a pack that must load has problems; the message lists every one. */
public final class PackException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<PackProblem> problems;

    public PackException(List<PackProblem> problems) {
        super("the framework pack has " + problems.size() + " problem(s):\n"
                + problems.stream().map(PackProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<PackProblem> problems() {
        return problems;
    }
}
