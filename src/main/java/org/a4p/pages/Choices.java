package org.a4p.pages;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.a4p.i18n.Messages;
import org.a4p.orgunit.OrgUnit;
import org.a4p.pack.Pack;
import org.a4p.web.HttpProblem;

/** The filters pages share: which org unit ({@code ?mission=}) and which year ({@code ?year=}). */
public final class Choices {
    /** One entry of a drop-down; {@code group} the heading it sits under. */
    public record Option(String code, String label, String group) {}

    private Choices() {}

    /** {@code ?mission=}: a scope or a mission of the pack; the default scope when absent. */
    static String orgUnit(Context ctx, Pack pack) {
        String asked = ctx.queryParam("mission");
        if (asked == null || asked.isBlank()) {
            return pack.orgUnits().defaultScope();
        }
        if (pack.orgUnits().find(asked).isEmpty()) {
            throw HttpProblem.badParameter("mission", asked, PageFrame.words(ctx).get("error.mission"));
        }
        return asked;
    }

    /** {@code ?year=}: a year from 1948 (the first operation) to 2100; null when absent (the page picks one). */
    static Integer year(Context ctx) {
        String asked = ctx.queryParam("year");
        if (asked == null || asked.isBlank()) {
            return null;
        }
        try {
            int year = Integer.parseInt(asked.trim());
            if (year >= 1948 && year <= 2100) {
                return year;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw HttpProblem.badParameter("year", asked, PageFrame.words(ctx).get("error.year"));
    }

    /** A form's {@code year} field: required, as {@link #year}. */
    static int formYear(Context ctx) {
        String asked = ctx.formParam("year");
        try {
            int year = Integer.parseInt(asked == null ? "" : asked.trim());
            if (year >= 1948 && year <= 2100) {
                return year;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw HttpProblem.badParameter("year", asked, PageFrame.words(ctx).get("error.year"));
    }

    /** The scopes first, then every mission by code. */
    static List<Option> orgUnits(Pack pack, Messages words) {
        List<Option> options = new ArrayList<>();
        pack.orgUnits().scopes().forEach(scope -> options.add(new Option(scope.code(), scope.code() + " — " + scope.name(), words.get("filter.scopes"))));
        pack.orgUnits().missions().stream().sorted(Comparator.comparing(OrgUnit::code))
                .forEach(mission -> options.add(new Option(mission.code(), mission.code(), words.get("filter.missions"))));
        return options;
    }
}
