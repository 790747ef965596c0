package org.a4p.pages;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.a4p.app.App;
import org.a4p.app.Outcome;
import org.a4p.db.Database;
import org.a4p.i18n.Messages;
import org.a4p.pack.Pack;
import org.a4p.ranking.Colour;
import org.a4p.ranking.CountryRow;
import org.a4p.ranking.GenderRanking;
import org.a4p.ranking.RankCountries;
import org.a4p.records.StoreException;
import org.a4p.web.FailedRequest;
import org.a4p.web.HttpProblem;

/**
 * {@code /gender}: the monthly contributing-country ranking of the Uniformed Gender Parity
 * Strategy, by category, against the year's target: each country's share of women, and green
 * (meets the target), yellow (some women, below it) or red (none) in words as well as in colour.
 * Public readers are ranked from approved records only, as the API ranks them.
 */
public final class GenderPage implements PageRoutes.PageTable {
    /** The scope's code or {@value #ALL}. {@code problem}: why there is no ranking (no data for the month), else null. */
    public record Gender(String month, List<Choices.Option> months, String scope, List<Choices.Option> scopes, String category,
            List<Choices.Option> categories, List<Category> tables, String problem, boolean approvedOnly) {}

    /** One category's ranking; {@code target} in words (the figure and where it comes from). */
    public record Category(String code, String label, String target, String tally, List<Country> rows) {}

    /** {@code colour} green, yellow or red (the CSS class), {@code colourLabel} the same in words. */
    public record Country(int rank, String country, String women, String total, String share, String colour, String colourLabel) {}

    static final String ALL = "ALL";
    private static final Pattern INTERPOLATED = Pattern.compile("interpolated between (\\d{4}) and (\\d{4})");
    private static final Pattern FIRST = Pattern.compile("first set target \\((\\d{4})\\)");
    private static final Pattern LAST = Pattern.compile("last set target \\((\\d{4})\\)");

    private final Pack pack;
    private final Database database;
    private final PageFrame frame;
    private final RankCountries rankStaff;
    private final RankCountries rankApproved;

    GenderPage(App app, PageFrame frame) {
        this.pack = app.pack();
        this.database = app.database();
        this.frame = frame;
        this.rankStaff = new RankCountries(app.pack(), app.database());
        this.rankApproved = new RankCountries(app.pack(), app.database(), true);
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi routes) {
        routes.get("/gender", this::show);
    }

    private void show(Context ctx) {
        Viewer viewer = PageFrame.viewer(ctx);
        Messages words = PageFrame.words(ctx);
        boolean approvedOnly = viewer.caller().isPublic();
        GenderRanking ranking = new GenderRanking(pack, approvedOnly);
        String scope = scope(ctx, words);
        String category = category(ctx, words, ranking);
        List<YearMonth> months = months(ranking);
        YearMonth month = month(ctx, words);
        Outcome<RankCountries.Ranking> outcome = (approvedOnly ? rankApproved : rankStaff)
                .run(new RankCountries.Request(month, ALL.equals(scope) ? null : scope, category));
        List<Category> tables = new ArrayList<>();
        String problem = null;
        if (outcome instanceof Outcome.Ok<RankCountries.Ranking> ok) {
            month = ok.value().month();
            List<String> shown = category == null ? ranking.categories() : List.of(category);
            for (String code : shown) {
                tables.add(table(words, ranking, code, month, ok.value().rows().stream().filter(row -> row.category().equals(code)).toList()));
            }
        } else if (outcome instanceof Outcome.Failed<RankCountries.Ranking> failed
                && failed.failure().kind() == org.a4p.app.Failure.Kind.NO_DATA) {
            problem = months.isEmpty() ? words.get("gender.no_records") : words.get("gender.no_month", month);
        } else {
            throw new FailedRequest(((Outcome.Failed<RankCountries.Ranking>) outcome).failure());
        }
        List<Choices.Option> monthOptions = new ArrayList<>();
        for (int i = months.size() - 1; i >= 0; i--) {
            String code = months.get(i).toString();
            monthOptions.add(new Choices.Option(code, code, null));
        }
        List<Choices.Option> scopes = new ArrayList<>();
        pack.orgUnits().scopes().forEach(s -> scopes.add(new Choices.Option(s.code(), s.code() + " — " + s.name(), null)));
        scopes.add(new Choices.Option(ALL, words.get("gender.scope_all"), null));
        List<Choices.Option> categories = new ArrayList<>();
        categories.add(new Choices.Option("", words.get("gender.category_all"), null));
        ranking.categories().forEach(code -> categories.add(new Choices.Option(code, categoryLabel(words, ranking, code), null)));
        Gender gender = new Gender(month == null ? "" : month.toString(), monthOptions, scope, scopes, category == null ? "" : category,
                categories, tables, problem, approvedOnly);
        Page page = frame.page(ctx, words.get("gender.title"), "gender");
        PageFrame.send(ctx, "gender.jte", "page", page, "gender", gender);
    }

    private Category table(Messages words, GenderRanking ranking, String code, YearMonth month, List<CountryRow> rows) {
        GenderRanking.Target target = ranking.target(month.getYear(), code);
        String targetText = target.percent() == null ? words.get("gender.no_target", month.getYear())
                : words.get("gender.target", month.getYear(), words.number(target.percent(), "percent"), source(words, target.source()));
        List<Country> countries = rows.stream().map(row -> new Country(row.rank(), row.country(), words.count(row.women()),
                words.count(row.total()), words.number(row.share(), "percent"), colourClass(row.colour()), colourLabel(words, row.colour()))).toList();
        String tally = words.get("gender.tally", count(rows, Colour.GREEN), count(rows, Colour.YELLOW), count(rows, Colour.RED));
        return new Category(code, categoryLabel(words, ranking, code), targetText, tally, countries);
    }

    static String colourClass(Colour colour) {
        return colour.name().toLowerCase(Locale.ROOT);
    }

    static String colourLabel(Messages words, Colour colour) {
        return words.get("gender.colour." + colourClass(colour));
    }

    static String categoryLabel(Messages words, GenderRanking ranking, String code) {
        return words.getOr("gender.category." + code, ranking.label(code));
    }

    /** The ranking's English account of where a target comes from, in the page's language. */
    static String source(Messages words, String source) {
        Matcher matcher = INTERPOLATED.matcher(source);
        if (matcher.matches()) {
            return words.get("gender.source.interpolated", matcher.group(1), matcher.group(2));
        }
        matcher = FIRST.matcher(source);
        if (matcher.matches()) {
            return words.get("gender.source.first", matcher.group(1));
        }
        matcher = LAST.matcher(source);
        if (matcher.matches()) {
            return words.get("gender.source.last", matcher.group(1));
        }
        return source;
    }

    private static String count(List<CountryRow> rows, Colour colour) {
        return Long.toString(rows.stream().filter(row -> row.colour() == colour).count());
    }

    private List<YearMonth> months(GenderRanking ranking) {
        try (Connection connection = database.dataSource().getConnection()) {
            return ranking.months(connection);
        } catch (SQLException e) {
            throw new StoreException("cannot read the months of the personnel records: " + e.getMessage(), e);
        }
    }

    private String scope(Context ctx, Messages words) {
        String asked = ctx.queryParam("scope");
        if (asked == null || asked.isBlank()) {
            return pack.orgUnits().defaultScope();
        }
        String code = asked.trim().toUpperCase(Locale.ROOT);
        if (!code.equals(ALL) && !pack.orgUnits().scopeCodes().contains(code)) {
            throw HttpProblem.badParameter("scope", asked, words.get("gender.error.scope", String.join(", ", pack.orgUnits().scopeCodes())));
        }
        return code;
    }

    private static String category(Context ctx, Messages words, GenderRanking ranking) {
        String asked = ctx.queryParam("category");
        if (asked == null || asked.isBlank()) {
            return null;
        }
        if (!ranking.categories().contains(asked.trim())) {
            throw HttpProblem.badParameter("category", asked, words.get("gender.error.category", String.join(", ", ranking.categories())));
        }
        return asked.trim();
    }

    private static YearMonth month(Context ctx, Messages words) {
        String asked = ctx.queryParam("month");
        if (asked == null || asked.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(asked.trim());
        } catch (DateTimeParseException e) {
            throw HttpProblem.badParameter("month", asked, words.get("gender.error.month"));
        }
    }
}
