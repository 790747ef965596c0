package org.a4p.api;

import io.javalin.http.Context;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.a4p.web.HttpProblem;

/** Query parameters read strictly: an unknown name, a value given twice or one that does not parse is a 400 naming it. */
final class Params {
    private static final int SHOWN = 64;

    private Params() {}

    /** Refuses parameters the route does not read, so a misspelt filter is not silently ignored. */
    static void only(Context ctx, String... known) {
        Set<String> allowed = Set.of(known);
        for (String name : new TreeSet<>(ctx.queryParamMap().keySet())) {
            if (!allowed.contains(name)) {
                throw HttpProblem.badParameter(shown(name), null, allowed.isEmpty() ? "expected no query parameters"
                        : "expected one of " + String.join(", ", new TreeSet<>(allowed)));
            }
        }
    }

    /** The one value of a parameter, or null when it is absent; an empty value counts as absent. */
    static String text(Context ctx, String name) {
        List<String> values = ctx.queryParams(name);
        if (values.size() > 1) {
            throw HttpProblem.badParameter(name, String.join(",", values), "expected the parameter once");
        }
        return values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
    }

    static String oneOf(Context ctx, String name, String... allowed) {
        String value = text(ctx, name);
        if (value != null && !Arrays.asList(allowed).contains(value)) {
            throw HttpProblem.badParameter(name, value, "expected " + String.join(", ", allowed));
        }
        return value;
    }

    static boolean flag(Context ctx, String name) {
        String value = oneOf(ctx, name, "true", "false");
        return "true".equals(value);
    }

    static Integer integer(Context ctx, String name, int min, int max, String expected) {
        String value = text(ctx, name);
        if (value == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw HttpProblem.badParameter(name, value, expected);
    }

    static YearMonth month(Context ctx, String name) {
        String value = text(ctx, name);
        try {
            return value == null ? null : YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw HttpProblem.badParameter(name, value, "expected a month like 2020-12");
        }
    }

    static long pathId(Context ctx, String name) {
        String value = ctx.pathParam(name);
        try {
            long id = Long.parseLong(value);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw HttpProblem.badParameter(name, value, "expected a positive whole number");
    }

    /** A caller's text as a message may echo it: at most 64 characters. */
    static String shown(String text) {
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "…";
    }
}
