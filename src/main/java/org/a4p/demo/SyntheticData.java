package org.a4p.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
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
 * Seeded synthetic records for the record types that have no public data, in the product's own
 * layouts. The same seed gives the same files. Environmental assessments are calibrated so that
 * the seed's wastewater figures (33% of sites at minimum risk in 2017, 69% in 2020) come out
 * exactly.
 */
public final class SyntheticData {
    public static final int FIRST_YEAR = DemoMissions.FIRST_YEAR;
    public static final int LAST_YEAR = DemoMissions.LAST_YEAR;
    /** Sites assessed for wastewater in each round; 100 makes the calibrated shares exact. */
    static final int SITES_PER_ROUND = 100;
    /** Share of wastewater assessments at minimum risk, by year: the seed gives 2017 and 2020. */
    static final Map<Integer, Integer> MINIMUM_RISK_PERCENT = Map.of(
            2017, 33, 2018, 45, 2019, 57, 2020, 69, 2021, 72, 2022, 75, 2023, 77, 2024, 79);

    private static final Set<String> LARGE = Set.of("MINUSCA", "MONUSCO", "UNMISS", "MINUSMA", "UNAMID");
    private static final List<String> NATIONALITIES = List.of("BGD", "PAK", "IND", "NPL", "RWA", "ETH", "EGY", "GHA",
            "SEN", "TZA", "ZAF", "MAR", "BDI", "TGO", "NGA", "CHN", "IDN", "URY", "FRA", "JOR");
    private static final String[] PILLARS = {"energy", "wastewater", "solid_waste", "ems", "wider_impact"};
    private static final String[] RISKS = {"minimum", "low", "medium", "high"};
    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    private final OrgUnits orgUnits;
    private final long seed;

    public SyntheticData(OrgUnits orgUnits, long seed) {
        this.orgUnits = orgUnits;
        this.seed = seed;
    }

    private List<OrgUnit> activeMissions(int year, int month) {
        return DemoMissions.active(orgUnits, year, month);
    }

    public ImportFile allegations() {
        Random random = new Random(seed);
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord("allegation_id", "reported_on", "incident_date", "mission", "category", "personnel_category",
                    "nationality", "victims_women", "victims_girls", "victims_boys", "victims_men", "victims_unknown",
                    "paternity_claim", "investigation_status", "status_on", "investigation_closed_on", "interim_action",
                    "referred_for_criminal_accountability", "victim_identities", "narrative");
            int serial = 0;
            for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                for (int month = 1; month <= 12; month++) {
                    for (OrgUnit mission : activeMissions(year, month)) {
                        double sea = LARGE.contains(mission.code()) ? 0.9 : 0.12;
                        int count = poisson(random, sea * 3);
                        for (int i = 0; i < count; i++) {
                            LocalDate reported = dayIn(random, year, month, mission);
                            if (reported == null) {
                                continue;
                            }
                            serial++;
                            boolean isSea = random.nextInt(3) == 0;
                            String category = isSea ? (random.nextBoolean() ? "sexual_exploitation" : "sexual_abuse") : "other_misconduct";
                            LocalDate incident = reported.minusDays(random.nextInt(120));
                            if (incident.isBefore(mission.start())) {
                                incident = mission.start();
                            }
                            // Investigations get faster over the years: A4P+ asks for exactly that.
                            int medianDays = 200 - 12 * (year - FIRST_YEAR);
                            LocalDate closed = reported.plusDays(Math.max(5, (long) (medianDays * Math.exp(random.nextGaussian() * 0.5))));
                            boolean isClosed = !closed.isAfter(AS_OF);
                            String status = !isClosed ? (random.nextBoolean() ? "preliminary_assessment" : "under_investigation")
                                    : random.nextInt(100) < 45 ? "substantiated" : random.nextInt(100) < 80 ? "not_substantiated" : "closed";
                            String personnel = pick(random, new String[] {"military", "military", "military", "police", "civilian", "other"});
                            String paternity = isSea && random.nextInt(10) == 0
                                    ? pick(random, new String[] {"pending", "established", "not_established", "support_ordered"}) : "none";
                            int victims = isSea ? 1 + random.nextInt(2) : 0;
                            csv.printRecord(
                                    "SYN-" + mission.code() + "-" + year + "-" + String.format("%05d", serial),
                                    reported, incident, mission.code(), category, personnel,
                                    personnel.equals("military") || personnel.equals("police") ? pick(random, NATIONALITIES) : "",
                                    isSea ? victims : 0, isSea && random.nextInt(4) == 0 ? 1 : 0, 0, 0, 0,
                                    paternity, status, isClosed ? closed : reported.plusDays(Math.min(20, java.time.temporal.ChronoUnit.DAYS.between(reported, AS_OF))),
                                    isClosed ? closed : "",
                                    random.nextInt(3) == 0, isSea && status.equals("substantiated") && random.nextBoolean(),
                                    isSea ? "Synthetic person " + serial : "", "Synthetic record; no real event.");
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return inMemory("synthetic-allegations.csv", out.toString());
    }

    public ImportFile siteAssessments() {
        Random random = new Random(seed + 1);
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord("site", "mission", "assessed_on", "pillar", "risk_level");
            for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                LocalDate[] rounds = {LocalDate.of(year, 6, 30), LocalDate.of(year, 12, 31)};
                List<OrgUnit> sites = new ArrayList<>();
                for (OrgUnit mission : activeMissions(year, 12)) {
                    if (mission.isActiveOn(rounds[1]) && mission.isActiveOn(rounds[0])) {
                        sites.addAll(orgUnits.sitesOf(mission.code()));
                    }
                }
                Collections.shuffle(sites, new Random(seed + year));
                List<OrgUnit> assessed = sites.subList(0, Math.min(SITES_PER_ROUND, sites.size()));
                int minimum = Math.round(assessed.size() * MINIMUM_RISK_PERCENT.get(year) / 100f);
                for (LocalDate round : rounds) {
                    List<OrgUnit> order = new ArrayList<>(assessed);
                    Collections.shuffle(order, random);
                    for (int i = 0; i < order.size(); i++) {
                        OrgUnit site = order.get(i);
                        for (String pillar : PILLARS) {
                            String risk = pillar.equals("wastewater")
                                    ? (i < minimum ? "minimum" : RISKS[1 + random.nextInt(3)])
                                    : RISKS[random.nextInt(4)];
                            csv.printRecord(site.code(), site.parent(), round, pillar, risk);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return inMemory("synthetic-site-environment.csv", out.toString());
    }

    /** Quarterly senior leadership staffing per mission; the share of women rises over the years. */
    public ImportFile seniorStaffing() {
        Random random = new Random(seed + 2);
        StringWriter out = new StringWriter();
        String[] grades = {"usg", "asg", "d2", "d1"};
        int[] posts = {1, 2, 3, 6};
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord("report_date", "mission", "grade", "women", "men");
            for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                for (int quarter = 1; quarter <= 4; quarter++) {
                    LocalDate end = LocalDate.of(year, quarter * 3, 1).plusMonths(1).minusDays(1);
                    double share = 0.30 + 0.02 * (year - FIRST_YEAR);
                    for (OrgUnit mission : activeMissions(year, quarter * 3)) {
                        if (!mission.isActiveOn(end)) {
                            continue;
                        }
                        for (int g = 0; g < grades.length; g++) {
                            int women = 0;
                            for (int p = 0; p < posts[g]; p++) {
                                women += random.nextDouble() < share ? 1 : 0;
                            }
                            csv.printRecord(end, mission.code(), grades[g], women, posts[g] - women);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return inMemory("synthetic-senior-staffing.csv", out.toString());
    }

    private static LocalDate dayIn(Random random, int year, int month, OrgUnit mission) {
        LocalDate day = DemoMissions.dayIn(random, year, month, mission);
        return day != null && !day.isAfter(AS_OF) ? day : null;
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

    private static <T> T pick(Random random, T[] items) {
        return items[random.nextInt(items.length)];
    }

    private static String pick(Random random, List<String> items) {
        return items.get(random.nextInt(items.size()));
    }

    static ImportFile inMemory(String name, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new ImportFile(name, () -> new ByteArrayInputStream(bytes));
    }
}
