package org.a4p.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.a4p.orgunit.OrgUnit;
import org.a4p.orgunit.OrgUnits;

/** Writes valid CSV files of generated records, in the product's own layouts, for the benchmark. */
final class BenchData {
    private static final String[] PERSONNEL_TYPES = {"military", "military_observer", "police", "international_civilian", "local_civilian", "other"};
    private static final String[] INCIDENT_TYPES = {"malicious_act", "accident", "illness", "self_inflicted", "to_be_determined", "unknown"};
    private static final String[] CATEGORIES = {"military_contingent", "staff_officer", "expert_on_mission", "formed_police_unit", "individual_police"};
    private static final String[] ALLEGATIONS = {"sexual_exploitation", "sexual_abuse", "other_misconduct"};
    private static final String[] STATUSES = {"preliminary_assessment", "under_investigation", "substantiated", "not_substantiated", "closed"};
    private static final String[] PILLARS = {"energy", "wastewater", "solid_waste", "ems", "wider_impact"};
    private static final String[] RISKS = {"minimum", "low", "medium", "high"};
    private static final LocalDate FIRST = LocalDate.of(2017, 1, 1);
    private static final int DAYS = 8 * 365;
    static final int MONTHS = 8 * 12;

    private final List<OrgUnit> missions;
    private final List<OrgUnit> sites;
    private final Random random = new Random(7);

    BenchData(OrgUnits orgUnits) {
        this.missions = orgUnits.missions().stream()
                .filter(m -> m.scope().equals(orgUnits.defaultScope()) && m.isActiveOn(LocalDate.of(2017, 1, 1)) && m.isActiveOn(LocalDate.of(2024, 12, 31)))
                .toList();
        List<OrgUnit> all = new ArrayList<>();
        missions.forEach(m -> all.addAll(orgUnits.sitesOf(m.code())));
        this.sites = all;
    }

    List<String> missionCodes() {
        return missions.stream().map(OrgUnit::code).toList();
    }

    int missionCount() {
        return missions.size();
    }

    private OrgUnit mission() {
        return missions.get(random.nextInt(missions.size()));
    }

    private LocalDate day() {
        return FIRST.plusDays(random.nextInt(DAYS));
    }

    private static <T> T pick(Random random, T[] items) {
        return items[random.nextInt(items.length)];
    }

    Path fatalities(Path folder, int count) throws IOException {
        Path file = folder.resolve("bench-fatality.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(FATALITY_HEADER);
            for (int i = 0; i < count; i++) {
                writeFatality(out, "BENCH-" + i, day(), mission().code());
            }
        }
        return file;
    }

    /** A submission's file: new fatalities of one mission, all in one month. */
    record MissionMonth(Path path, String mission) {}

    /** Run {@code run}'s mission-month submission; its records' keys are new, so it adds, never revises. */
    MissionMonth missionMonth(Path folder, int run, YearMonth month, int count) throws IOException {
        Path file = folder.resolve("bench-fatality-" + run + ".csv");
        String mission = missions.get(run % missions.size()).code();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(FATALITY_HEADER);
            for (int i = 0; i < count; i++) {
                writeFatality(out, "BENCH-M" + run + "-" + i, month.atDay(1 + random.nextInt(month.lengthOfMonth())), mission);
            }
        }
        return new MissionMonth(file, mission);
    }

    private static final String FATALITY_HEADER = "casualty_id,incident_date,mission,personnel_type,incident_type,gender,nationality,name\n";

    private void writeFatality(BufferedWriter out, String id, LocalDate date, String mission) throws IOException {
        out.write(id + "," + date + "," + mission + "," + pick(random, PERSONNEL_TYPES) + "," + pick(random, INCIDENT_TYPES) + ","
                + (random.nextInt(10) == 0 ? "F" : "M") + ",BGD,Person " + id + "\n");
    }

    Path personnel(Path folder, int count) throws IOException {
        Path file = folder.resolve("bench-personnel.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("report_date,mission,contributing_country,category,women,men\n");
            int written = 0;
            // 120 countries up to the 1M run's size (its data unchanged); beyond, as many more as 2017-2024 needs.
            long perCountry = (long) missions.size() * CATEGORIES.length * MONTHS;
            int countries = (int) Math.max(120, (count + perCountry - 1) / perCountry);
            LocalDate month = LocalDate.of(2017, 1, 31);
            outer:
            while (true) {
                for (OrgUnit mission : missions) {
                    for (int country = 0; country < countries; country++) {
                        for (String category : CATEGORIES) {
                            if (written++ == count) {
                                break outer;
                            }
                            int men = random.nextInt(400);
                            out.write(month + "," + mission.code() + ",Country " + country + "," + category + ","
                                    + random.nextInt(1 + men / 8) + "," + men + "\n");
                        }
                    }
                }
                month = month.plusDays(1).plusMonths(1).minusDays(1);
                if (month.getYear() > 2024) {
                    month = LocalDate.of(2017, 1, 31);
                    throw new IllegalArgumentException("too many personnel records for 2017-2024: " + count);
                }
            }
        }
        return file;
    }

    Path allegations(Path folder, int count) throws IOException {
        Path file = folder.resolve("bench-allegation.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("allegation_id,reported_on,mission,category,personnel_category,investigation_status,investigation_closed_on,victim_identities\n");
            for (int i = 0; i < count; i++) {
                LocalDate reported = day();
                boolean closed = random.nextBoolean();
                out.write("BENCH-A-" + i + "," + reported + "," + mission().code() + "," + pick(random, ALLEGATIONS) + ",military,"
                        + pick(random, STATUSES) + "," + (closed ? reported.plusDays(random.nextInt(400)).toString() : "") + ",Victim " + i + "\n");
            }
        }
        return file;
    }

    Path siteAssessments(Path folder, int count) throws IOException {
        Path file = folder.resolve("bench-site_environment.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("site,mission,assessed_on,pillar,risk_level\n");
            int written = 0;
            int day = 0;
            while (written < count) {
                LocalDate date = FIRST.plusDays(day++ % DAYS);
                for (OrgUnit site : sites) {
                    for (String pillar : PILLARS) {
                        if (written++ == count) {
                            return file;
                        }
                        out.write(site.code() + "," + site.parent() + "," + date + "," + pillar + "," + pick(random, RISKS) + "\n");
                    }
                }
                if (day > DAYS) {
                    throw new IllegalArgumentException("too many site assessments for 2017-2024: " + count);
                }
            }
        }
        return file;
    }
}
