package org.a4p.pages;

import java.util.List;
import java.util.Map;
import org.a4p.disclosure.PublicValue;
import org.a4p.disclosure.ReadScorecard;
import org.a4p.i18n.Messages;
import org.a4p.pack.Pack;

/** A scorecard as tiles, one per priority with its headline lines, as the overview shows them. */
final class ScorecardTiles {
    private ScorecardTiles() {}

    /** {@code yearlyValues}: the org unit's yearly totals, for the sparklines. */
    static List<OverviewPage.Tile> of(Pack pack, Messages words, ReadScorecard.Card card, List<PublicValue> yearlyValues) {
        Map<String, Map<Integer, Double>> yearly = Shown.yearly(yearlyValues);
        return card.priorities().stream().map(section -> {
            var priority = pack.priority(section.id()).orElseThrow();
            return new OverviewPage.Tile(section.id(), Shown.priorityName(priority, words.language()), priority.crossCutting(),
                    section.indicators().stream().map(row -> Shown.line(pack, words, row, yearly.get(row.id()), card.year())).toList());
        }).toList();
    }
}
