package org.a4p.indicators;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.a4p.pack.Pack;
import org.a4p.pack.PackLoader;
import org.a4p.pack.PackProblem;
import org.a4p.pack.PackSource;

/**
 * Use case: validates a framework pack as {@code a4p pack check} does, for every edge: the loader's
 * structural checks, then, on a pack that loads, those that need the formula language. Every
 * problem has its file and line.
 */
public final class CheckPack {
    /** {@code pack} present only when there is no problem. */
    public record Result(String label, Optional<Pack> pack, List<PackProblem> problems) {
        public boolean clean() {
            return problems.isEmpty();
        }
    }

    public Result run(PackSource source) {
        PackLoader.Result loaded = PackLoader.load(source);
        List<PackProblem> problems = new ArrayList<>(loaded.problems());
        loaded.pack().ifPresent(pack -> problems.addAll(PackFormulas.check(pack)));
        return new Result(source.label(), problems.isEmpty() ? loaded.pack() : Optional.empty(), List.copyOf(problems));
    }
}
