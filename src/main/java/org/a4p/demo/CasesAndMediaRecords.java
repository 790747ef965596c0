package org.a4p.demo;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
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
 * Synthetic crimes against peacekeepers (with their stage progression reported in yearly files,
 * so the demo's cases carry a dated history) and media items for information-environment
 * monitoring, whose texts sometimes carry the sample term list's words. Convictions appear only in
 * MINUSCA from 2020 on, as the seed says the first convictions came in the Central African Republic.
 */
final class CasesAndMediaRecords implements SyntheticRecords {
    private static final Set<String> HOSTILE = Set.of("MINUSCA", "MINUSMA", "MONUSCO", "UNMISS", "UNAMID");
    private static final String[] STAGES = {"reported", "under_investigation", "suspects_identified", "arrested", "prosecuted", "convicted"};
    private static final String[][] TEXTS = {
        {"en", "Peacekeepers repaired the bridge on the main road"},
        {"en", "Community leaders met the mission to discuss the elections"},
        {"en", "Unconfirmed reports say a convoy was stopped near the border"},
        {"en", "A secret UN plan to take the mines, claims a post"},
        {"en", "They are vermin, drive them out of the market"},
        {"fr", "Les casques bleus ont ouvert une école à Bria"},
        {"fr", "Selon des rumeurs, la route nationale serait fermée"},
        {"fr", "L'ONU arme les rebelles, affirme un message viral"},
        {"fr", "Étrangers dehors, crient des manifestants"},
        {"fr", "Une radio communautaire relaie la campagne de vaccination"},
    };
    private static final String[] PLATFORMS = {"radio", "facebook", "x_twitter", "whatsapp", "tiktok", "website"};

    private final OrgUnits orgUnits;
    private final long seed;

    CasesAndMediaRecords(OrgUnits orgUnits, long seed) {
        this.orgUnits = orgUnits;
        this.seed = seed;
    }

    @Override
    public Map<String, ImportFile> files() {
        Map<String, ImportFile> out = new LinkedHashMap<>();
        out.putAll(attackCases());
        out.put("media_item", mediaItems());
        return out;
    }

    /** One file per year: each case's stage as known at the end of that year. */
    private Map<String, ImportFile> attackCases() {
        Random random = new Random(seed + 11);
        record Case(String id, LocalDate incident, String mission, int killed, LocalDate[] stageDates) {}
        List<Case> cases = new java.util.ArrayList<>();
        int serial = 0;
        for (int year = DemoMissions.FIRST_YEAR; year <= DemoMissions.LAST_YEAR; year++) {
            for (int month = 1; month <= 12; month++) {
                for (OrgUnit mission : DemoMissions.active(orgUnits, year, month)) {
                    if (!HOSTILE.contains(mission.code()) || random.nextInt(4) != 0) {
                        continue;
                    }
                    LocalDate incident = DemoMissions.dayIn(random, year, month, mission);
                    if (incident == null) {
                        continue;
                    }
                    // Later years' cases go further, faster: the accountability A4P+ asks for.
                    int reach = Math.min(STAGES.length - 1, random.nextInt(3 + (year - DemoMissions.FIRST_YEAR) / 2));
                    if (reach == STAGES.length - 1 && !(mission.code().equals("MINUSCA") && year >= 2020)) {
                        reach--;
                    }
                    LocalDate[] dates = new LocalDate[reach + 1];
                    LocalDate day = incident.plusDays(random.nextInt(3));
                    for (int s = 0; s <= reach; s++) {
                        dates[s] = day;
                        day = day.plusDays(15 + random.nextInt(Math.max(30, 200 - 20 * (year - DemoMissions.FIRST_YEAR))));
                    }
                    cases.add(new Case("SYN-" + mission.code() + "-" + String.format("%04d", ++serial), incident, mission.code(),
                            random.nextInt(3), dates));
                }
            }
        }
        Map<String, ImportFile> out = new LinkedHashMap<>();
        for (int year = DemoMissions.FIRST_YEAR; year <= DemoMissions.LAST_YEAR + 2; year++) {
            LocalDate yearEnd = LocalDate.of(year, 12, 31);
            StringWriter text = new StringWriter();
            try (CSVPrinter csv = new CSVPrinter(text, CSVFormat.DEFAULT)) {
                csv.printRecord("case_id", "incident_date", "mission", "peacekeepers_killed", "stage", "stage_on");
                for (Case c : cases) {
                    int latest = -1;
                    for (int s = 0; s < c.stageDates().length; s++) {
                        if (!c.stageDates()[s].isAfter(yearEnd)) {
                            latest = s;
                        }
                    }
                    if (latest >= 0 && c.incident().getYear() <= year) {
                        csv.printRecord(c.id(), c.incident(), c.mission(), c.killed(), STAGES[latest], c.stageDates()[latest]);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.put("attack_case-" + year, SyntheticData.inMemory("synthetic-attack-cases-" + year + ".csv", text.toString()));
        }
        return out;
    }

    private ImportFile mediaItems() {
        Random random = new Random(seed + 12);
        StringWriter text = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(text, CSVFormat.DEFAULT)) {
            csv.printRecord("media_id", "published_on", "published_at", "mission", "platform", "language", "text", "reach",
                    "flagged_category", "severity", "responded_at", "response_type");
            int serial = 0;
            for (int year = DemoMissions.FIRST_YEAR; year <= DemoMissions.LAST_YEAR; year++) {
                for (int month = 1; month <= 12; month++) {
                    for (OrgUnit mission : DemoMissions.active(orgUnits, year, month)) {
                        int items = HOSTILE.contains(mission.code()) ? 6 + random.nextInt(6) : random.nextInt(3);
                        for (int i = 0; i < items; i++) {
                            LocalDate day = DemoMissions.dayIn(random, year, month, mission);
                            if (day == null) {
                                continue;
                            }
                            String[] item = TEXTS[random.nextInt(TEXTS.length)];
                            LocalDateTime published = day.atTime(random.nextInt(24), random.nextInt(60));
                            boolean suspicious = random.nextInt(2) == 0;
                            // Responses come faster over the years.
                            LocalDateTime responded = suspicious && random.nextInt(4) > 0
                                    ? published.plusMinutes(60L * Math.max(2, 72 - 8 * (year - DemoMissions.FIRST_YEAR)) + random.nextInt(600))
                                    : null;
                            csv.printRecord("SYN-MEDIA-" + (++serial), day, published, mission.code(), PLATFORMS[random.nextInt(PLATFORMS.length)],
                                    item[0], item[1], 100 + random.nextInt(50_000), "", "", responded == null ? "" : responded,
                                    responded == null ? "" : "correction");
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return SyntheticData.inMemory("synthetic-media-items.csv", text.toString());
    }
}
