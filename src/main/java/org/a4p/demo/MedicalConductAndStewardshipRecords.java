package org.a4p.demo;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.a4p.ingest.ImportFile;
import org.a4p.orgunit.OrgUnit;
import org.a4p.orgunit.OrgUnits;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Seeded synthetic records of the P4 medical and camp types (casevac, telemedicine_consult,
 * camp_assessment) and the P5 performance, conduct-risk, civilian-harm and budget types
 * (unit_evaluation, misconduct_risk, civilian_harm, budget_execution), for every peacekeeping
 * operation active 2017-2024, in the product's own layouts. Trends are mild and improving (CASEVAC
 * legs met more often each year); the same seed gives byte-identical files.
 */
final class MedicalConductAndStewardshipRecords implements SyntheticRecords {
    private static final int FIRST_YEAR = DemoMissions.FIRST_YEAR;
    private static final int LAST_YEAR = DemoMissions.LAST_YEAR;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private static final Set<String> LARGE = Set.of("MINUSCA", "MONUSCO", "UNMISS", "MINUSMA", "UNAMID");
    private static final Set<String> MEDIUM = Set.of("UNIFIL", "UNISFA", "UNDOF", "UNFICYP", "UNMIL", "UNOCI", "MINUSTAH", "MINUJUSTH");
    /** Missions where camps face armed attack: their camps carry a higher residual risk. */
    private static final Set<String> HOSTILE = Set.of("MINUSMA", "MINUSCA", "MONUSCO", "UNMISS", "UNAMID");
    /** Approved budget per year, millions of US dollars: orders of magnitude only, not the real budgets. */
    private static final Map<String, Integer> BUDGET_MILLIONS = Map.ofEntries(
            Map.entry("MINUSMA", 1200), Map.entry("UNMISS", 1150), Map.entry("MONUSCO", 1100), Map.entry("MINUSCA", 950),
            Map.entry("UNAMID", 900), Map.entry("UNIFIL", 480), Map.entry("UNISFA", 270), Map.entry("UNOCI", 150),
            Map.entry("UNMIL", 110), Map.entry("MINUSTAH", 90), Map.entry("MINUJUSTH", 90), Map.entry("UNDOF", 60),
            Map.entry("MINURSO", 55), Map.entry("UNFICYP", 55), Map.entry("UNMIK", 38), Map.entry("UNTSO", 35),
            Map.entry("UNMOGIP", 10));
    private static final String[] BUDGET_CLASSES = {"military", "police", "civilian", "operational"};
    private static final double[] BUDGET_SHARES = {0.42, 0.08, 0.22, 0.28};

    private static final String[] UNIT_TYPES = {"infantry", "infantry", "formed_police_unit", "engineering", "infantry", "medical",
            "aviation", "logistics", "infantry", "signals", "formed_police_unit", "other"};
    /** The few units of an observer or small mission. */
    private static final String[] SMALL_MISSION_UNIT_TYPES = {"medical", "other"};
    private static final Map<String, String> UNIT_ABBREVIATIONS = Map.of("infantry", "INF", "formed_police_unit", "FPU",
            "engineering", "ENG", "medical", "MED", "aviation", "AVN", "logistics", "LOG", "signals", "SIG", "other", "OTH");
    private static final List<String> COUNTRIES = List.of("BGD", "PAK", "IND", "NPL", "RWA", "ETH", "EGY", "GHA", "SEN", "TZA",
            "ZAF", "MAR", "BDI", "TGO", "NGA", "CHN", "IDN", "URY", "FRA", "JOR");

    private static final String[] RISK_AREAS = {"sexual_exploitation_abuse", "fraud_corruption", "sexual_harassment",
            "misuse_of_assets", "abuse_of_authority", "other"};
    private static final Map<String, String> MITIGATIONS = Map.of(
            "sexual_exploitation_abuse", "Out-of-bounds areas and night patrols of camp perimeters",
            "fraud_corruption", "Segregation of duties in procurement",
            "sexual_harassment", "Focal points and awareness sessions",
            "misuse_of_assets", "Vehicle tracking and fuel audits",
            "abuse_of_authority", "Ombudsman visits and staff surveys",
            "other", "Induction briefings on standards of conduct");
    private static final String[] CAMP_RISKS = {"very_low", "low", "medium", "high", "very_high"};

    private final OrgUnits orgUnits;
    private final long seed;
    /** Each mission's sites, looked up once: the org units hold them in one flat list. */
    private final Map<String, List<OrgUnit>> sites = new HashMap<>();

    MedicalConductAndStewardshipRecords(OrgUnits orgUnits, long seed) {
        this.orgUnits = orgUnits;
        this.seed = seed;
    }

    @Override
    public Map<String, ImportFile> files() {
        Map<String, ImportFile> files = new LinkedHashMap<>();
        files.put("casevac", casevac());
        files.put("telemedicine_consult", telemedicineConsults());
        files.put("camp_assessment", campAssessments());
        files.put("unit_evaluation", unitEvaluations());
        files.put("misconduct_risk", misconductRisks());
        files.put("civilian_harm", civilianHarm());
        files.put("budget_execution", budgetExecution());
        return files;
    }

    /** A few evacuations a month in the large missions; each leg of 10-1-2 is met more often every year. */
    private ImportFile casevac() {
        Random random = new Random(seed + 101);
        return csv("synthetic-casevac.csv", csv -> {
            csv.printRecord("casevac_id", "injury_date", "mission", "site", "injured_at", "first_aid_at", "field_care_at",
                    "surgery_at", "patient_category", "evacuation_priority", "patient_reference");
            int serial = 0;
            for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                double progress = progress(year);
                for (int month = 1; month <= 12; month++) {
                    for (OrgUnit mission : DemoMissions.active(orgUnits, year, month)) {
                        double mean = mission.code().equals("MINUSMA") ? 5 : LARGE.contains(mission.code()) ? 3 : 0.25;
                        int count = poisson(random, mean);
                        for (int i = 0; i < count; i++) {
                            LocalDate day = DemoMissions.dayIn(random, year, month, mission);
                            if (day == null) {
                                continue;
                            }
                            serial++;
                            LocalDateTime injured = day.atTime(random.nextInt(24), random.nextInt(60));
                            String priority = weighted(random, new String[] {"urgent", "priority", "routine"}, new double[] {0.45, 0.35, 0.20});
                            Integer firstAid = random.nextDouble() < 0.05 ? null
                                    : leg(random, 1, 10, 0.55 + 0.30 * progress, 30);
                            Integer fieldCare = random.nextDouble() < 0.04 ? null
                                    : leg(random, (firstAid == null ? 5 : firstAid) + 5, 60, 0.50 + 0.35 * progress, 120);
                            double surgeryNeeded = switch (priority) {
                                case "urgent" -> 0.6;
                                case "priority" -> 0.25;
                                default -> 0.03;
                            };
                            int lastLeg = fieldCare != null ? fieldCare : firstAid != null ? firstAid : 10;
                            Integer surgery = random.nextDouble() < surgeryNeeded
                                    ? leg(random, lastLeg + 15, 120, 0.45 + 0.35 * progress, 240) : null;
                            csv.printRecord(
                                    mission.code() + "-CV-" + year + "-" + String.format("%04d", serial),
                                    day, mission.code(), siteOf(random, mission), injured.format(MINUTE),
                                    after(injured, firstAid), after(injured, fieldCare), after(injured, surgery),
                                    weighted(random, new String[] {"uniformed", "civilian_staff", "other"}, new double[] {0.80, 0.12, 0.08}),
                                    priority, "Synthetic patient " + serial);
                        }
                    }
                }
            }
        });
    }

    /** Telemedicine grows every year, and a growing share of it is mental health support. */
    private ImportFile telemedicineConsults() {
        Random random = new Random(seed + 102);
        return csv("synthetic-telemedicine-consults.csv", csv -> {
            csv.printRecord("consult_id", "consulted_on", "mission", "site", "consult_type", "mental_health", "patient_category",
                    "patient_reference");
            int serial = 0;
            for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                double progress = progress(year);
                for (int month = 1; month <= 12; month++) {
                    for (OrgUnit mission : DemoMissions.active(orgUnits, year, month)) {
                        double mean = LARGE.contains(mission.code()) ? 10 + 3 * (year - FIRST_YEAR) : 1.5 + 0.5 * (year - FIRST_YEAR);
                        int count = poisson(random, mean);
                        for (int i = 0; i < count; i++) {
                            LocalDate day = DemoMissions.dayIn(random, year, month, mission);
                            if (day == null) {
                                continue;
                            }
                            serial++;
                            csv.printRecord(
                                    mission.code() + "-TM-" + year + "-" + String.format("%05d", serial),
                                    day, mission.code(), siteOf(random, mission),
                                    random.nextDouble() < 0.30 + 0.30 * progress ? "live" : "store_and_forward",
                                    random.nextDouble() < 0.08 + 0.17 * progress,
                                    weighted(random, new String[] {"uniformed", "civilian_staff", "other"}, new double[] {0.75, 0.20, 0.05}),
                                    "");
                        }
                    }
                }
            }
        });
    }

    /**
     * Every site of every active mission assessed in May and November. Each site keeps its own
     * standing, so a camp that meets the standard goes on meeting it as the bar rises.
     */
    private ImportFile campAssessments() {
        Random random = new Random(seed + 103);
        Map<String, Double> perimeterStanding = new HashMap<>();
        Map<String, Double> facilitiesStanding = new HashMap<>();
        Map<String, String> campTypes = new HashMap<>();
        return csv("synthetic-camp-assessments.csv", csv -> {
            csv.printRecord("site", "mission", "assessed_on", "camp_type", "perimeter_standard_met", "gender_sensitive_facilities",
                    "risk_level");
            for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                double progress = progress(year);
                for (int month : new int[] {5, 11}) {
                    for (OrgUnit mission : DemoMissions.active(orgUnits, year, month)) {
                        for (OrgUnit site : sitesOf(mission)) {
                            LocalDate day = activeDay(random, year, month, mission);
                            boolean perimeter = perimeterStanding.computeIfAbsent(site.code(), s -> random.nextDouble()) < 0.50 + 0.35 * progress;
                            boolean facilities = facilitiesStanding.computeIfAbsent(site.code(), s -> random.nextDouble()) < 0.25 + 0.45 * progress;
                            String campType = campTypes.computeIfAbsent(site.code(), s -> weighted(random,
                                    new String[] {"team_site", "company_operating_base", "temporary_operating_base", "sector_hq"},
                                    new double[] {0.50, 0.25, 0.15, 0.10}));
                            int risk = (HOSTILE.contains(mission.code()) ? 2 : 0) + (perimeter ? 0 : 1) + random.nextInt(2);
                            csv.printRecord(site.code(), mission.code(), day, campType, perimeter, facilities, CAMP_RISKS[risk]);
                        }
                    }
                }
            }
        });
    }

    /** Each unit is evaluated once a year; fewer fall below standard, and more of those get a remedial plan. */
    private ImportFile unitEvaluations() {
        Random random = new Random(seed + 104);
        Map<String, String> countries = new HashMap<>();
        return csv("synthetic-unit-evaluations.csv", csv -> {
            csv.printRecord("unit_id", "evaluated_on", "mission", "unit_type", "contributing_country", "rating", "remedial_plan",
                    "caveats_found");
            for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                double progress = progress(year);
                for (int month = 1; month <= 12; month++) {
                    for (OrgUnit mission : DemoMissions.active(orgUnits, year, month)) {
                        boolean small = !LARGE.contains(mission.code()) && !MEDIUM.contains(mission.code());
                        String[] types = small ? SMALL_MISSION_UNIT_TYPES : UNIT_TYPES;
                        int units = LARGE.contains(mission.code()) ? 24 : small ? types.length : 8;
                        for (int unit = month - 1; unit < units; unit += 12) {
                            LocalDate day = activeDay(random, year, month, mission);
                            String type = types[unit % types.length];
                            String unitId = mission.code() + "-" + UNIT_ABBREVIATIONS.get(type) + "-" + String.format("%02d", unit + 1);
                            boolean below = random.nextDouble() < 0.28 - 0.16 * progress;
                            String rating = below ? (random.nextDouble() < 0.3 ? "does_not_meet" : "partially_meets")
                                    : (random.nextDouble() < 0.2 ? "exceeds" : "meets");
                            Object remedialPlan = below ? random.nextDouble() < 0.40 + 0.55 * progress : "";
                            csv.printRecord(unitId, day, mission.code(), type,
                                    countries.computeIfAbsent(unitId, u -> COUNTRIES.get(random.nextInt(COUNTRIES.size()))),
                                    rating, remedialPlan, Math.min(50, poisson(random, 0.6 - 0.5 * progress)));
                        }
                    }
                }
            }
        });
    }

    /**
     * Each mission's quarterly register keeps the same risks (ten in a large mission, four in
     * others), re-scored every quarter; more high risks have a mitigation in place each year.
     */
    private ImportFile misconductRisks() {
        Random random = new Random(seed + 105);
        return csv("synthetic-misconduct-risks.csv", csv -> {
            csv.printRecord("risk_id", "quarter_end", "mission", "risk_area", "likelihood", "impact", "mitigation_in_place",
                    "mitigation_measure", "status");
            for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                double progress = progress(year);
                for (int quarter = 1; quarter <= 4; quarter++) {
                    LocalDate quarterEnd = LocalDate.of(year, 3 * quarter, 1).plusMonths(1).minusDays(1);
                    for (OrgUnit mission : activeBetween(quarterEnd.minusMonths(2).withDayOfMonth(1), quarterEnd)) {
                        LocalDate registerDate = closingOr(mission, quarterEnd);
                        int risks = LARGE.contains(mission.code()) ? 10 : 4;
                        for (int risk = 0; risk < risks; risk++) {
                            String area = RISK_AREAS[risk % RISK_AREAS.length];
                            int likelihood = 1 + random.nextInt(5);
                            int impact = area.equals("sexual_exploitation_abuse") ? 4 + random.nextInt(2) : 1 + random.nextInt(5);
                            int score = likelihood * impact;
                            boolean mitigated = random.nextDouble() < (score >= 15 ? 0.45 + 0.45 * progress : 0.6);
                            String status = score >= 20 ? "escalated" : score >= 10 ? "open"
                                    : score <= 4 && random.nextBoolean() ? "closed" : "monitored";
                            csv.printRecord(mission.code() + "-MR-" + String.format("%02d", risk + 1), registerDate, mission.code(), area,
                                    likelihood, impact, mitigated, mitigated ? MITIGATIONS.get(area) : "", status);
                        }
                    }
                }
            }
        });
    }

    /** About one incident a month in a large mission; reviews are completed within 30 days more often each year. */
    private ImportFile civilianHarm() {
        Random random = new Random(seed + 106);
        return csv("synthetic-civilian-harm.csv", csv -> {
            csv.printRecord("incident_id", "occurred_on", "mission", "site", "location", "harm_type", "cause", "civilians_killed",
                    "civilians_injured", "review_completed_on", "remedial_action", "victim_identities");
            int serial = 0;
            for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                double progress = progress(year);
                for (int month = 1; month <= 12; month++) {
                    for (OrgUnit mission : DemoMissions.active(orgUnits, year, month)) {
                        double mean = LARGE.contains(mission.code()) ? 1.2 - 0.6 * progress : 0.08;
                        int count = poisson(random, mean);
                        for (int i = 0; i < count; i++) {
                            LocalDate day = DemoMissions.dayIn(random, year, month, mission);
                            if (day == null) {
                                continue;
                            }
                            serial++;
                            List<OrgUnit> missionSites = sitesOf(mission);
                            OrgUnit site = missionSites.isEmpty() ? null : missionSites.get(random.nextInt(missionSites.size()));
                            String harm = weighted(random, new String[] {"casualties", "property_damage", "livelihood_loss", "displacement", "other"},
                                    new double[] {0.45, 0.30, 0.15, 0.03, 0.07});
                            String cause = weighted(random, new String[] {"road_traffic", "use_of_force", "aviation", "explosive_remnants", "other"},
                                    new double[] {0.40, 0.25, 0.05, 0.10, 0.20});
                            boolean casualties = harm.equals("casualties");
                            int killed = casualties && random.nextDouble() < 0.3 ? 1 + random.nextInt(3) : 0;
                            int injured = casualties ? (killed == 0 ? 1 : 0) + random.nextInt(4) : 0;
                            LocalDate reviewed = random.nextDouble() < 0.05 ? null
                                    : day.plusDays(random.nextDouble() < 0.40 + 0.45 * progress ? random.nextInt(31) : 31 + random.nextInt(150));
                            if (reviewed != null && reviewed.isAfter(SyntheticData.AS_OF)) {
                                reviewed = null;
                            }
                            csv.printRecord(mission.code() + "-CH-" + year + "-" + String.format("%04d", serial), day, mission.code(),
                                    site == null ? "" : site.code(), site == null ? "" : site.name(), harm, cause, killed, injured,
                                    reviewed == null ? "" : reviewed,
                                    reviewed == null ? "" : random.nextDouble() < 0.35 + 0.35 * progress,
                                    casualties ? "Synthetic person " + serial : "");
                        }
                    }
                }
            }
        });
    }

    /**
     * One record per mission, budget period (1 July to 30 June, ending in each year 2017-2024) and
     * class; a closing mission's last period ends on its closing date and is cut to its months.
     */
    private ImportFile budgetExecution() {
        Random random = new Random(seed + 107);
        return csv("synthetic-budget-execution.csv", csv -> {
            csv.printRecord("mission", "period_end", "budget_class", "approved", "spent");
            for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                double progress = progress(year);
                LocalDate periodStart = LocalDate.of(year - 1, 7, 1);
                LocalDate periodEnd = LocalDate.of(year, 6, 30);
                for (OrgUnit mission : activeBetween(periodStart, periodEnd)) {
                    LocalDate end = closingOr(mission, periodEnd);
                    LocalDate start = mission.start().isAfter(periodStart) ? mission.start() : periodStart;
                    double months = Math.max(1, ChronoUnit.MONTHS.between(start, end.plusDays(1)));
                    double total = BUDGET_MILLIONS.getOrDefault(mission.code(), 50) * 1e6 * Math.min(1, months / 12)
                            * (0.95 + 0.10 * random.nextDouble());
                    for (int c = 0; c < BUDGET_CLASSES.length; c++) {
                        long approved = Math.round(total * BUDGET_SHARES[c] / 1000) * 1000;
                        double rate = Math.max(0.70, Math.min(1.05, 0.90 + 0.06 * progress + random.nextGaussian() * 0.03));
                        csv.printRecord(mission.code(), end, BUDGET_CLASSES[c], approved, Math.round(approved * rate));
                    }
                }
            }
        });
    }

    /** Peacekeeping operations active at some point between the two dates, by month, in a stable order. */
    private List<OrgUnit> activeBetween(LocalDate from, LocalDate to) {
        Set<OrgUnit> missions = new LinkedHashSet<>();
        for (LocalDate month = from.withDayOfMonth(1); !month.isAfter(to); month = month.plusMonths(1)) {
            missions.addAll(DemoMissions.active(orgUnits, month.getYear(), month.getMonthValue()));
        }
        return List.copyOf(missions);
    }

    /**
     * A day of the month within the mission's life, for scheduled records (assessments,
     * evaluations) that a mission active for part of the month still holds; the mission must be
     * active in the month. Events use {@link DemoMissions#dayIn}, which thins them in such months.
     */
    private static LocalDate activeDay(Random random, int year, int month, OrgUnit mission) {
        LocalDate first = LocalDate.of(year, month, 1);
        LocalDate from = mission.start().isAfter(first) ? mission.start() : first;
        LocalDate to = closingOr(mission, first.plusMonths(1).minusDays(1));
        return from.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(from, to) + 1));
    }

    /** The date, or the mission's closing date when it closed earlier. */
    private static LocalDate closingOr(OrgUnit mission, LocalDate date) {
        return mission.end() != null && mission.end().isBefore(date) ? mission.end() : date;
    }

    /** 0 in the first year of the demo, 1 in the last: drives the mild trends. */
    private static double progress(int year) {
        return (year - FIRST_YEAR) / (double) (LAST_YEAR - FIRST_YEAR);
    }

    /**
     * Minutes from injury to a leg that starts no earlier than {@code earliest}: within
     * {@code limit} with probability {@code meets} (when it can be), else up to {@code spread}
     * minutes past the limit.
     */
    private static int leg(Random random, int earliest, int limit, double meets, int spread) {
        if (random.nextDouble() < meets && earliest <= limit) {
            return earliest + random.nextInt(limit - earliest + 1);
        }
        return Math.max(earliest, limit + 1) + random.nextInt(spread);
    }

    private static String after(LocalDateTime start, Integer minutes) {
        return minutes == null ? "" : start.plusMinutes(minutes).format(MINUTE);
    }

    private List<OrgUnit> sitesOf(OrgUnit mission) {
        return sites.computeIfAbsent(mission.code(), orgUnits::sitesOf);
    }

    private String siteOf(Random random, OrgUnit mission) {
        List<OrgUnit> missionSites = sitesOf(mission);
        return missionSites.isEmpty() ? "" : missionSites.get(random.nextInt(missionSites.size())).code();
    }

    private static String weighted(Random random, String[] codes, double[] weights) {
        double draw = random.nextDouble();
        for (int i = 0; i < codes.length - 1; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return codes[i];
            }
        }
        return codes[codes.length - 1];
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

    @FunctionalInterface
    private interface Rows {
        void write(CSVPrinter csv) throws IOException;
    }

    private static ImportFile csv(String name, Rows rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            rows.write(csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return SyntheticData.inMemory(name, out.toString());
    }
}
