package org.a4p.disclosure;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.a4p.app.Outcome;
import org.a4p.db.Database;
import org.a4p.indicators.Grain;
import org.a4p.indicators.QueryValues;
import org.a4p.indicators.ValueQuery;
import org.a4p.pack.Pack;
import org.a4p.progress.BuildScorecard;
import org.a4p.progress.Scorecard;
import org.a4p.progress.Status;
import org.a4p.progress.Trend;

/**
 * Use case: a scorecard as its reader may see it. Staff see it as built; public readers see each
 * value as the disclosure package publishes it, and a suppressed value takes its records, its
 * status and its trend with it (each says where the value stands); a suppressed baseline value
 * takes the trend too, which would otherwise bound it.
 */
public final class ReadScorecard {
    /** {@code priorities} in the priority view, {@code commitmentAreas} in the commitment-area view. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Card(String orgUnit, String orgUnitName, int year, boolean synthetic, List<Section> priorities, List<Section> commitmentAreas) {}

    public record Section(String id, String name, List<Row> indicators) {}

    public record Row(String id, String name, Double value, String unit, Double target, Status status, Trend trend, int baselineYear,
            Double baselineValue, Long records, boolean synthetic, boolean flagged, boolean suppressed) {}

    private final BuildScorecard build;
    private final BuildScorecard buildPublished;
    private final ReadValues values;

    /** Over {@code database}: the staff view's scorecard from the live values, the public's from the latest release. */
    public ReadScorecard(Pack pack, Database database, ReadValues values) {
        this(new BuildScorecard(pack, database), new BuildScorecard(pack, database, ValueQuery.Source.PUBLISHED), values);
    }

    /** {@code build} reads the staff view's values, {@code buildPublished} the latest release's. */
    public ReadScorecard(BuildScorecard build, BuildScorecard buildPublished, ReadValues values) {
        this.build = build;
        this.buildPublished = buildPublished;
        this.values = values;
    }

    public Outcome<Card> run(Caller caller, BuildScorecard.Request request) {
        Outcome<Scorecard> built = (caller.isPublic() ? buildPublished : build).run(request);
        if (built instanceof Outcome.Failed<Scorecard> failed) {
            return Outcome.failed(failed.failure());
        }
        Scorecard card = ((Outcome.Ok<Scorecard>) built).value();
        Map<String, PublicValue> published = Map.of();
        if (caller.isPublic()) {
            Outcome<List<PublicValue>> values = this.values.run(caller,
                    new QueryValues.Request(null, card.orgUnit(), null, Grain.YEAR, true));
            if (values instanceof Outcome.Failed<List<PublicValue>> failed) {
                return Outcome.failed(failed.failure());
            }
            published = ((Outcome.Ok<List<PublicValue>>) values).value().stream()
                    .filter(value -> value.disaggregation().isEmpty())
                    .collect(Collectors.toMap(value -> value.indicator() + " " + value.period(), value -> value, (first, second) -> first));
        }
        Map<String, PublicValue> shown = published;
        String year = Integer.toString(card.year());
        List<Section> sections = card.priorities().stream().map(section -> new Section(section.id(), section.name(),
                section.indicators().stream().map(row -> row(row, shown.get(row.id() + " " + year),
                        shown.get(row.id() + " " + row.baselineYear()))).toList())).toList();
        boolean byArea = request.view() == BuildScorecard.View.COMMITMENT_AREA;
        return Outcome.ok(new Card(card.orgUnit(), card.orgUnitName(), card.year(), card.synthetic(), byArea ? null : sections,
                byArea ? sections : null));
    }

    /** {@code published} and {@code publishedBaseline} null for staff, or when the public have the value as stored. */
    private static Row row(Scorecard.IndicatorRow row, PublicValue published, PublicValue publishedBaseline) {
        boolean baselineSuppressed = publishedBaseline != null && publishedBaseline.suppressed();
        Double baselineValue = baselineSuppressed ? null : row.baselineValue();
        if (published != null && published.suppressed()) {
            return new Row(row.id(), row.name(), null, row.unit(), row.target(), null, null, row.baselineYear(), baselineValue, null,
                    row.synthetic(), row.flagged(), true);
        }
        return new Row(row.id(), row.name(), row.value(), row.unit(), row.target(), row.status(), baselineSuppressed ? null : row.trend(),
                row.baselineYear(), baselineValue, row.records(), row.synthetic(), row.flagged(), false);
    }
}
