package org.a4p.demo;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.a4p.ingest.ImportFile;
import org.a4p.orgunit.OrgUnit;
import org.a4p.orgunit.OrgUnits;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Seeded synthetic records of the P3 (capabilities) and P7 (host countries) record types: unit
 * pledges with their readiness-level history, training courses, SOFA violations and HRDDP risk
 * assessments, for every active peacekeeping operation and month 2017-2024. Mild trends: units
 * deploy faster, SOFA violations are raised with the host sooner, fewer units deploy with gaps or
 * caveats, and more support is assessed before it begins.
 *
 * <p>Unit pledges come as a series of partial submissions, one file per year and round,
 * {@code synthetic-unit_pledge-YEAR.csv}, {@code synthetic-unit_pledge-YEAR-2.csv}…, each to be
 * imported on its own, in order, without {@code --snapshot} (each holds only the pledges that
 * moved). A file holds at most one row per pledge: the r-th level the pledge reached in that year.
 * A pledge first appears in the year of the UN's request, with its earlier levels back-filled
 * (registration may predate 2017); about one assessment in ten is reported late, in the pledge's
 * next submission year, backdated. The importer keeps the history and derives the level dates.
 */
final class CapabilitiesAndHostCountryRecords implements SyntheticRecords {
    static final int FIRST_YEAR = DemoMissions.FIRST_YEAR;
    static final int LAST_YEAR = DemoMissions.LAST_YEAR;
    /** Nothing is known after this day: later events are left out, later dates left empty. */
    static final LocalDate AS_OF = SyntheticData.AS_OF;

    static final String PLEDGE_HEADER = "pledge_id,contributing_country,unit_type,mission,requested_on,readiness_level,"
            + "level_on,critical_capability_gaps,declared_caveats";
    static final String TRAINING_HEADER = "training_id,course,completed_on,mission,unit,trainees,women_trainees";
    static final String SOFA_HEADER = "violation_id,occurred_on,mission,violation_type,location,raised_with_host_on,resolved_on,"
            + "reported_to_council";
    static final String HRDDP_HEADER = "assessment_id,mission,supported_force,support_type,risk_level,mitigation_measures,"
            + "assessed_on,support_started_on,monitoring_status";

    private static final Set<String> LARGE = Set.of("MINUSCA", "MONUSCO", "UNMISS", "MINUSMA", "UNAMID");
    private static final Set<String> OBSERVER = Set.of("UNTSO", "UNMOGIP", "MINURSO", "UNMIK");
    private static final List<String> COUNTRIES = List.of("BGD", "PAK", "IND", "NPL", "RWA", "ETH", "EGY", "GHA",
            "SEN", "TZA", "ZAF", "MAR", "BDI", "TGO", "NGA", "CHN", "IDN", "URY", "FRA", "JOR");
    private static final String[] UNIT_TYPES = {"infantry_battalion", "engineering", "medical_level_2", "aviation", "signals",
            "riverine", "formed_police_unit", "quick_reaction_force", "special_forces", "reconnaissance", "counter_ied",
            "transport_logistics", "other"};
    private static final int[] UNIT_TYPE_WEIGHTS = {25, 12, 10, 8, 6, 2, 12, 6, 3, 4, 4, 6, 2};
    private static final Set<String> RIVERINE = Set.of("MONUSCO", "MINUSCA", "UNMISS");
    private static final String[] UNIT_KINDS = {"INFBATT", "ENGCOY", "FPU", "QRF", "HOSP", "AVN", "SIGCOY"};

    /** SOFA violations a month, by mission; the rest get {@link #SOFA_OTHER}. */
    private static final Map<String, Double> SOFA_RATE = Map.of("UNMISS", 8.0, "UNAMID", 5.0, "MINUSMA", 4.0, "MINUSCA", 3.5,
            "MONUSCO", 3.0, "UNISFA", 2.0, "UNIFIL", 1.0, "MINURSO", 0.8, "UNDOF", 0.6);
    private static final double SOFA_OTHER = 0.25;
    private static final String[] SOFA_TYPES = {"movement_restriction", "flight_denial", "detention_of_personnel",
            "customs_obstruction", "attack_on_premises", "other"};
    private static final int[] SOFA_TYPE_WEIGHTS = {58, 15, 8, 9, 4, 6};
    /** By SOFA type: the chance it is ever resolved, and the median days to resolution. */
    private static final double[] SOFA_RESOLVED = {0.85, 0.9, 0.8, 0.75, 0.6, 0.7};
    private static final double[] SOFA_DAYS_TO_RESOLVE = {6, 3, 10, 45, 90, 30};

    /** HRDDP risk assessments a month, by mission (the missions that support non-UN security forces); the rest get {@link #HRDDP_OTHER}. */
    private static final Map<String, Double> HRDDP_RATE = Map.ofEntries(Map.entry("MINUSCA", 1.2), Map.entry("MONUSCO", 1.2),
            Map.entry("MINUSMA", 1.2), Map.entry("UNMISS", 0.8), Map.entry("UNAMID", 0.5), Map.entry("MINUJUSTH", 0.5),
            Map.entry("UNIFIL", 0.4), Map.entry("UNMIL", 0.3), Map.entry("MINUSTAH", 0.3), Map.entry("UNOCI", 0.3),
            Map.entry("UNISFA", 0.1), Map.entry("UNMIK", 0.1));
    private static final double HRDDP_OTHER = 0.03;
    private static final Map<String, List<String>> SUPPORTED_FORCES = Map.ofEntries(
            Map.entry("MINUSCA", List.of("Forces armées centrafricaines (FACA)", "Forces de sécurité intérieure (police and gendarmerie)")),
            Map.entry("MONUSCO", List.of("Forces armées de la République démocratique du Congo (FARDC)", "Police nationale congolaise (PNC)")),
            Map.entry("MINUSMA", List.of("Forces armées maliennes (FAMa)", "G5 Sahel Joint Force", "Malian police and gendarmerie")),
            Map.entry("UNMISS", List.of("South Sudan People's Defence Forces (SSPDF)", "South Sudan National Police Service")),
            Map.entry("UNAMID", List.of("Sudan Police Force")),
            Map.entry("MINUJUSTH", List.of("Police nationale d'Haïti (PNH)")),
            Map.entry("MINUSTAH", List.of("Police nationale d'Haïti (PNH)")),
            Map.entry("UNIFIL", List.of("Lebanese Armed Forces")),
            Map.entry("UNMIL", List.of("Liberia National Police", "Armed Forces of Liberia")),
            Map.entry("UNOCI", List.of("Forces armées de Côte d'Ivoire")),
            Map.entry("UNMIK", List.of("Kosovo Police")));
    private static final String[] SUPPORT_TYPES = {"logistics", "training", "joint_operation", "advisory", "financial", "medical",
            "other"};
    private static final int[] SUPPORT_TYPE_WEIGHTS = {30, 25, 15, 15, 5, 7, 3};

    private static final String[] COURSES = {"counter_ied", "casevac", "peacekeeping_intelligence", "protection_of_civilians",
            "sea_prevention", "gender", "other"};
    private static final List<String> LEVELS = List.of("registered", "assessed", "aligned", "rapid_deployment", "deployed", "withdrawn");

    private final OrgUnits orgUnits;
    private final long seed;

    CapabilitiesAndHostCountryRecords(OrgUnits orgUnits, long seed) {
        this.orgUnits = orgUnits;
        this.seed = seed;
    }

    /**
     * The unit pledge files first, in chronological order (keys {@code unit_pledge},
     * {@code unit_pledge-2017-2}, …, {@code unit_pledge-2018}…), then {@code training},
     * {@code sofa_violation} and {@code hrddp_assessment}. The record type is the key up to any '-'.
     */
    @Override
    public Map<String, ImportFile> files() {
        Map<String, ImportFile> out = new LinkedHashMap<>(unitPledges());
        out.put("training", trainings());
        out.put("sofa_violation", sofaViolations());
        out.put("hrddp_assessment", hrddpAssessments());
        return out;
    }

    private record Event(String level, LocalDate on) {}

    private record Pledge(String id, String country, String unitType, String mission, LocalDate requested, Integer gaps,
            int caveats, List<Event> events, Event lateAssessment) {}

    Map<String, ImportFile> unitPledges() {
        Random random = new Random(seed + 31);
        List<Pledge> pledges = new ArrayList<>();
        int serial = 0;
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            int trend = year - FIRST_YEAR;
            for (int month = 1; month <= 12; month++) {
                for (OrgUnit mission : DemoMissions.active(orgUnits, year, month)) {
                    double rate = LARGE.contains(mission.code()) ? 0.7 : OBSERVER.contains(mission.code()) ? 0.04 : 0.25;
                    int count = poisson(random, rate);
                    for (int i = 0; i < count; i++) {
                        LocalDate requested = DemoMissions.dayIn(random, year, month, mission);
                        if (requested == null) {
                            continue;
                        }
                        serial++;
                        String country = pick(random, COUNTRIES);
                        String unitType = UNIT_TYPES[weighted(random, UNIT_TYPE_WEIGHTS)];
                        if (unitType.equals("riverine") && !RIVERINE.contains(mission.code())) {
                            unitType = "engineering";
                        }
                        pledges.add(pledge(random, String.format("SYN-PCRS-%s-%d-%04d", country, year, serial), country, unitType,
                                mission, requested, trend));
                    }
                }
            }
        }
        // Submission year of each event; a pledge first appears in the year of the request.
        TreeMap<Integer, List<List<Object[]>>> rounds = new TreeMap<>();
        for (Pledge pledge : pledges) {
            TreeMap<Integer, List<Event>> byYear = new TreeMap<>();
            for (Event event : pledge.events()) {
                int year = Math.max(event.on().getYear(), pledge.requested().getYear());
                byYear.computeIfAbsent(year, y -> new ArrayList<>()).add(event);
            }
            if (pledge.lateAssessment() != null) {
                int home = Math.max(pledge.lateAssessment().on().getYear(), pledge.requested().getYear());
                Integer later = byYear.higherKey(home);
                byYear.computeIfAbsent(later == null ? home : later, y -> new ArrayList<>()).add(pledge.lateAssessment());
            }
            byYear.forEach((year, events) -> {
                events.sort(Comparator.comparing(Event::on).thenComparing(e -> LEVELS.indexOf(e.level())));
                List<List<Object[]>> files = rounds.computeIfAbsent(year, y -> new ArrayList<>());
                for (int r = 0; r < events.size(); r++) {
                    if (files.size() <= r) {
                        files.add(new ArrayList<>());
                    }
                    Event event = events.get(r);
                    files.get(r).add(new Object[] {pledge.id(), pledge.country(), pledge.unitType(), pledge.mission(), pledge.requested(),
                            event.level(), event.on(), pledge.gaps(), pledge.caveats()});
                }
            });
        }
        Map<String, ImportFile> out = new LinkedHashMap<>();
        rounds.forEach((year, files) -> {
            for (int r = 0; r < files.size(); r++) {
                String suffix = year + (r == 0 ? "" : "-" + (r + 1));
                String key = out.isEmpty() ? "unit_pledge" : "unit_pledge-" + suffix;
                out.put(key, csv("synthetic-unit_pledge-" + suffix + ".csv", PLEDGE_HEADER, files.get(r)));
            }
        });
        return out;
    }

    /** One pledge's readiness-level history: levels before the request, then deployment (or withdrawal) after it. */
    private Pledge pledge(Random random, String id, String country, String unitType, OrgUnit mission, LocalDate requested,
            int trend) {
        boolean assessed = random.nextInt(100) < 80;
        boolean aligned = assessed && random.nextInt(100) < 85;
        boolean rapid = aligned && random.nextInt(100) < 15 + 3 * trend;
        List<String> before = new ArrayList<>(List.of("registered"));
        if (assessed) {
            before.add("assessed");
        }
        if (aligned) {
            before.add("aligned");
        }
        if (rapid) {
            before.add("rapid_deployment");
        }
        // Dated backwards from the request: the last level before it, then the gaps between levels.
        LocalDate[] dates = new LocalDate[before.size()];
        dates[dates.length - 1] = requested.minusDays(10 + random.nextInt(190));
        for (int i = dates.length - 2; i >= 0; i--) {
            dates[i] = dates[i + 1].minusDays(30 + random.nextInt(i == dates.length - 2 && rapid ? 150 : 270));
        }
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < dates.length; i++) {
            events.add(new Event(before.get(i), dates[i]));
        }
        boolean deploys = aligned && random.nextInt(100) < (rapid ? 95 : 80);
        // Units deploy faster over the years: rapid deployment level from 80 to 52 days (median),
        // the others from 250 to 152.
        double median = rapid ? 80 - 4 * trend : 250 - 14 * trend;
        LocalDate deployed = requested.plusDays(Math.max(15, Math.round(median * Math.exp(random.nextGaussian() * (rapid ? 0.3 : 0.45)))));
        LocalDate last = dates[dates.length - 1];
        LocalDate withdrawn = last.plusDays(60 + random.nextInt(440));
        boolean withdraws = random.nextInt(100) < 25;
        LocalDate end = mission.end() == null || mission.end().isAfter(AS_OF) ? AS_OF : mission.end();
        if (deploys && !deployed.isAfter(end)) {
            events.add(new Event("deployed", deployed));
        } else if (withdraws && !withdrawn.isAfter(end)) {
            events.add(new Event("withdrawn", withdrawn));
        } else if (mission.end() != null && !mission.end().isAfter(AS_OF)) {
            events.add(new Event("withdrawn", mission.end())); // the mission closed before the unit deployed
        }
        boolean isDeployed = events.get(events.size() - 1).level().equals("deployed");
        Integer gaps = null; // found by an assessment and advisory visit: unknown for a pledge never assessed
        if (assessed) {
            int percent = isDeployed ? 35 - 3 * trend : 50;
            gaps = random.nextInt(100) < percent ? 1 + poisson(random, 0.6) : 0;
        }
        int caveats = random.nextInt(1000) < 250 - 25 * trend ? 1 + poisson(random, 0.4) : 0;
        Event late = null;
        if (assessed && random.nextInt(10) == 0) {
            late = events.remove(1); // the assessment's report arrives late, backdated
        }
        return new Pledge(id, country, unitType, mission.code(), requested, gaps, caveats, events, late);
    }

    ImportFile trainings() {
        Random random = new Random(seed + 37);
        List<Object[]> rows = new ArrayList<>();
        int serial = 0;
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            int trend = year - FIRST_YEAR;
            // The prioritized specialized courses grow over the years.
            int[] weights = {10 + 2 * trend, 10 + 2 * trend, 6 + 2 * trend, 15, 12, 8, 15};
            for (int month = 1; month <= 12; month++) {
                for (OrgUnit mission : DemoMissions.active(orgUnits, year, month)) {
                    int count = LARGE.contains(mission.code()) ? 1 + poisson(random, 4)
                            : OBSERVER.contains(mission.code()) ? poisson(random, 0.6) : 1 + poisson(random, 1.2);
                    for (int i = 0; i < count; i++) {
                        LocalDate completed = DemoMissions.dayIn(random, year, month, mission);
                        if (completed == null) {
                            continue;
                        }
                        serial++;
                        String course = COURSES[weighted(random, weights)];
                        boolean small = course.equals("peacekeeping_intelligence") || course.equals("gender");
                        int trainees = small ? 8 + random.nextInt(25) : 12 + random.nextInt(40);
                        double womenShare = course.equals("gender") ? 0.35 : course.equals("sea_prevention") ? 0.15 : 0.07 + 0.01 * trend;
                        int women = 0;
                        for (int t = 0; t < trainees; t++) {
                            if (random.nextDouble() < womenShare) {
                                women++;
                            }
                        }
                        String unit = small && random.nextBoolean() ? "individuals"
                                : pick(random, COUNTRIES) + "-" + UNIT_KINDS[random.nextInt(UNIT_KINDS.length)] + "-" + (1 + random.nextInt(3));
                        rows.add(new Object[] {String.format("SYN-%s-TRN-%d-%05d", mission.code(), year, serial), course, completed,
                                mission.code(), unit, trainees, women});
                    }
                }
            }
        }
        return csv("synthetic-training.csv", TRAINING_HEADER, rows);
    }

    ImportFile sofaViolations() {
        Random random = new Random(seed + 41);
        List<Object[]> rows = new ArrayList<>();
        int serial = 0;
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            int trend = year - FIRST_YEAR;
            for (int month = 1; month <= 12; month++) {
                for (OrgUnit mission : DemoMissions.active(orgUnits, year, month)) {
                    int count = poisson(random, SOFA_RATE.getOrDefault(mission.code(), SOFA_OTHER) * (1 - 0.03 * trend));
                    List<OrgUnit> sites = orgUnits.sitesOf(mission.code());
                    LocalDate end = mission.end() == null || mission.end().isAfter(AS_OF) ? AS_OF : mission.end();
                    for (int i = 0; i < count; i++) {
                        LocalDate occurred = DemoMissions.dayIn(random, year, month, mission);
                        if (occurred == null) {
                            continue;
                        }
                        serial++;
                        int type = weighted(random, SOFA_TYPE_WEIGHTS);
                        // Violations are raised with the host faster over the years: median 11 days in 2017, 4 in 2024.
                        boolean raises = random.nextInt(100) >= 8 - trend * 5 / 7;
                        LocalDate raised = raises ? occurred.plusDays(Math.round((11 - trend) * Math.exp(random.nextGaussian() * 0.6))) : null;
                        boolean resolves = random.nextDouble() < SOFA_RESOLVED[type];
                        LocalDate resolved = resolves
                                ? occurred.plusDays(Math.round(SOFA_DAYS_TO_RESOLVE[type] * Math.exp(random.nextGaussian() * 0.8))) : null;
                        boolean reported = random.nextDouble() < Math.min(0.7, 0.3 + 0.05 * trend);
                        String location = sites.isEmpty() ? mission.code() + " area" : sites.get(random.nextInt(sites.size())).name();
                        rows.add(new Object[] {String.format("SYN-%s-SOFA-%d-%05d", mission.code(), year, serial), occurred, mission.code(),
                                SOFA_TYPES[type], location, upTo(raised, end), upTo(resolved, end), reported});
                    }
                }
            }
        }
        return csv("synthetic-sofa_violation.csv", SOFA_HEADER, rows);
    }

    ImportFile hrddpAssessments() {
        Random random = new Random(seed + 43);
        List<Object[]> rows = new ArrayList<>();
        int serial = 0;
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            int trend = year - FIRST_YEAR;
            for (int month = 1; month <= 12; month++) {
                for (OrgUnit mission : DemoMissions.active(orgUnits, year, month)) {
                    int count = poisson(random, HRDDP_RATE.getOrDefault(mission.code(), HRDDP_OTHER));
                    LocalDate end = mission.end() == null || mission.end().isAfter(AS_OF) ? AS_OF : mission.end();
                    for (int i = 0; i < count; i++) {
                        LocalDate assessed = DemoMissions.dayIn(random, year, month, mission);
                        if (assessed == null) {
                            continue;
                        }
                        serial++;
                        String force = pick(random, SUPPORTED_FORCES.getOrDefault(mission.code(), List.of("National security forces")));
                        String supportType = SUPPORT_TYPES[weighted(random, SUPPORT_TYPE_WEIGHTS)];
                        int draw = random.nextInt(100);
                        String risk = draw < 40 ? "low" : draw < 80 ? "medium" : "high";
                        int mitigated = risk.equals("high") ? 70 + 3 * trend : risk.equals("medium") ? 50 : 20;
                        boolean mitigation = random.nextInt(100) < mitigated;
                        // More support is assessed before it begins: 75% in 2017, 96% in 2024.
                        boolean first = random.nextInt(100) < 75 + 3 * trend;
                        LocalDate started = first ? assessed.plusDays(random.nextInt(61)) : assessed.minusDays(1 + random.nextInt(90));
                        if (random.nextInt(100) < 8) {
                            started = null; // support not begun (or not given)
                        }
                        started = upTo(started, end);
                        String monitoring = started == null ? "not_started"
                                : pick(random, new String[] {"ongoing", "ongoing", "ongoing", "completed", "completed", "violations_reported",
                                        risk.equals("high") ? "support_suspended" : "ongoing"});
                        rows.add(new Object[] {String.format("SYN-%s-HRDDP-%d-%05d", mission.code(), year, serial), mission.code(), force,
                                supportType, risk, mitigation, assessed, started, monitoring});
                    }
                }
            }
        }
        return csv("synthetic-hrddp_assessment.csv", HRDDP_HEADER, rows);
    }

    /** The date if known by {@code end} (the as-of date, or the mission's end), else null. */
    private static LocalDate upTo(LocalDate date, LocalDate end) {
        return date == null || date.isAfter(end) ? null : date;
    }

    private static ImportFile csv(String name, String header, List<Object[]> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord((Object[]) header.split(","));
            for (Object[] row : rows) {
                csv.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return SyntheticData.inMemory(name, out.toString());
    }

    private static int poisson(Random random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    private static int weighted(Random random, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int draw = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static <T> T pick(Random random, T[] items) {
        return items[random.nextInt(items.length)];
    }

    private static String pick(Random random, List<String> items) {
        return items.get(random.nextInt(items.size()));
    }
}
