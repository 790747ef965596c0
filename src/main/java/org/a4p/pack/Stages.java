package org.a4p.pack;

import java.util.ArrayList;
import java.util.List;

/**
 * How the cases of a record type move through stages. Each imported row says the stage a case
 * had reached ({@code field}) and when ({@code dateField}); every such event is kept. From all
 * the events of a case the store derives, for each stage, the date it was first reached: a stage
 * of {@code order} counts as reached by any event at it or at a later stage of the order (an
 * arrest implies a report); a {@code terminal} stage (such as closed) only by itself.
 */
public record Stages(String field, String dateField, List<String> order, List<String> terminal) {

    /** The derived field holding the date a stage was first reached, e.g. {@code reached_arrested_on}. */
    public static String derivedField(String stage) {
        return "reached_" + stage + "_on";
    }

    public List<String> stages() {
        List<String> out = new ArrayList<>(order);
        out.addAll(terminal);
        return out;
    }

    public List<String> derivedFields() {
        return stages().stream().map(Stages::derivedField).toList();
    }

    /** The position of a stage in the order, or -1 for a terminal stage or an unknown code. */
    public int rank(String stage) {
        return order.indexOf(stage);
    }
}
