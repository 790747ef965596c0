package org.a4p.demo;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashMap;
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
 * Seeded synthetic records of P1, P2 and P6 (and WPS participation): political milestones,
 * engagements, planning and reporting products, and communications outputs, for every active
 * peacekeeping operation and every month of 2017-2024, in the product's own layouts. The same seed
 * gives byte-identical files.
 *
 * <p>Volumes follow the size of the mission (a few milestones and a handful of planning products
 * per quarter; tens of engagements and daily-ish communications outputs a month in the large
 * missions). Mild trends make the indicators move as A4P+ asks: more milestones met on time and
 * shared with partners, more joint planning built on gender and performance data, more women
 * participants and women-led organisations, and more outputs on disinformation, in local
 * languages and on social media over the years. No figure is calibrated to a source: these are
 * demo records, labelled synthetic in every output.
 */
final class PoliticalAndCommunicationsRecords implements SyntheticRecords {
    /** Reports are as of this date: later achievements have not happened yet. */
    static final LocalDate AS_OF = SyntheticData.AS_OF;

    private static final Set<String> LARGE = Set.of("MINUSCA", "MONUSCO", "UNMISS", "MINUSMA", "UNAMID");
    private static final Set<String> SMALL = Set.of("UNDOF", "UNMOGIP", "UNTSO");

    /** Partners a mission works with, besides none; unknown missions get the last entry's. */
    private static final Map<String, List<String>> PARTNERS = Map.ofEntries(
            Map.entry("MINUSCA", List.of("AU", "ECCAS", "EU", "UNCT", "IFI", "member_states", "several")),
            Map.entry("MONUSCO", List.of("AU", "SADC", "EU", "UNCT", "IFI", "several")),
            Map.entry("UNMISS", List.of("IGAD", "AU", "UNCT", "member_states", "several")),
            Map.entry("MINUSMA", List.of("AU", "ECOWAS", "EU", "UNCT", "member_states", "several")),
            Map.entry("UNAMID", List.of("AU", "UNCT", "LAS", "several")),
            Map.entry("UNISFA", List.of("AU", "IGAD", "UNCT")),
            Map.entry("UNMIK", List.of("EU", "OSCE", "UNCT")),
            Map.entry("UNFICYP", List.of("EU", "member_states", "UNCT")),
            Map.entry("MINURSO", List.of("AU", "member_states")),
            Map.entry("UNIFIL", List.of("EU", "member_states", "UNCT")),
            Map.entry("MINUJUSTH", List.of("UNCT", "member_states", "IFI")),
            Map.entry("MINUSTAH", List.of("UNCT", "member_states", "IFI")),
            Map.entry("UNMIL", List.of("ECOWAS", "AU", "UNCT")),
            Map.entry("UNOCI", List.of("ECOWAS", "AU", "UNCT")),
            Map.entry("UNDOF", List.of("member_states")),
            Map.entry("UNMOGIP", List.of("member_states")),
            Map.entry("UNTSO", List.of("member_states", "UNCT")));
    private static final List<String> OTHER_PARTNERS = List.of("UNCT", "member_states");

    /** Languages of a mission's outputs: {official languages, local languages}; the first is the main one. */
    private static final Map<String, String[][]> LANGUAGES = Map.ofEntries(
            Map.entry("MINUSCA", new String[][] {{"fr"}, {"sg"}}),
            Map.entry("MONUSCO", new String[][] {{"fr", "en"}, {"ln", "sw", "lua", "kg"}}),
            Map.entry("UNMISS", new String[][] {{"en", "ar"}, {"pga", "din", "nus"}}),
            Map.entry("MINUSMA", new String[][] {{"fr"}, {"bm", "ff", "taq", "ses"}}),
            Map.entry("UNAMID", new String[][] {{"ar", "en"}, {"fvr"}}),
            Map.entry("UNISFA", new String[][] {{"en", "ar"}, {"din"}}),
            Map.entry("UNMIK", new String[][] {{"en"}, {"sq", "sr"}}),
            Map.entry("UNFICYP", new String[][] {{"en"}, {"el", "tr"}}),
            Map.entry("MINURSO", new String[][] {{"ar", "es", "fr", "en"}, {}}),
            Map.entry("UNIFIL", new String[][] {{"ar", "en", "fr"}, {}}),
            Map.entry("MINUJUSTH", new String[][] {{"fr"}, {"ht"}}),
            Map.entry("MINUSTAH", new String[][] {{"fr"}, {"ht"}}),
            Map.entry("UNMIL", new String[][] {{"en"}, {"lir"}}),
            Map.entry("UNOCI", new String[][] {{"fr"}, {"dyu"}}),
            Map.entry("UNDOF", new String[][] {{"en", "ar"}, {}}),
            Map.entry("UNMOGIP", new String[][] {{"en"}, {"ur"}}),
            Map.entry("UNTSO", new String[][] {{"en", "ar"}, {"he"}}));
    private static final String[][] OTHER_LANGUAGES = {{"en"}, {}};

    private static final List<String> MILESTONES = List.of(
            "Local peace agreement signed", "Electoral calendar adopted", "Disarmament and reintegration programme launched",
            "Transitional justice consultations held", "Constitutional review committee convened",
            "Security sector reform plan adopted", "Ceasefire monitoring mechanism operational",
            "State authority restored in a district", "Joint border verification mechanism meeting held",
            "Quota for women's representation adopted", "Inclusive national dialogue concluded",
            "Follow-up committee of the peace agreement meets monthly");
    private static final String[] PRODUCT_TYPES = {"operational_plan", "sc_report", "cpas_assessment", "budget",
            "mission_concept", "integrated_strategic_framework", "transition_plan"};
    private static final int[] PRODUCT_WEIGHTS = {30, 20, 20, 10, 8, 7, 5};
    private static final Map<String, String> PRODUCT_TITLES = Map.of(
            "operational_plan", "joint operational plan", "sc_report", "report to the Security Council",
            "cpas_assessment", "CPAS performance assessment", "budget", "budget proposal", "mission_concept", "mission concept",
            "integrated_strategic_framework", "integrated strategic framework", "transition_plan", "transition plan");
    /** CPAS was rolled out to missions from mid-2018. */
    private static final LocalDate CPAS_FROM = LocalDate.of(2018, 7, 1);

    private final OrgUnits orgUnits;
    private final long seed;
    private final Map<String, List<OrgUnit>> sites = new HashMap<>();

    PoliticalAndCommunicationsRecords(OrgUnits orgUnits, long seed) {
        this.orgUnits = orgUnits;
        this.seed = seed;
    }

    @Override
    public Map<String, ImportFile> files() {
        Map<String, ImportFile> out = new LinkedHashMap<>();
        out.put("political_milestone", politicalMilestones());
        out.put("engagement", engagements());
        out.put("planning_product", planningProducts());
        out.put("comms_output", commsOutputs());
        return out;
    }

    /** A few milestones per mission a quarter; more met on time, and more shared with partners, over the years. */
    ImportFile politicalMilestones() {
        Random random = new Random(seed + 101);
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord("milestone_id", "set_on", "mission", "strategy", "milestone", "partners", "due_on", "status",
                    "achieved_on");
            int serial = 0;
            for (int year = DemoMissions.FIRST_YEAR; year <= DemoMissions.LAST_YEAR; year++) {
                int t = year - DemoMissions.FIRST_YEAR;
                for (int month = 1; month <= 12; month++) {
                    for (OrgUnit mission : DemoMissions.active(orgUnits, year, month)) {
                        int count = poisson(random, perMonth(mission, 1.2, 0.6, 0.2));
                        for (int i = 0; i < count; i++) {
                            LocalDate setOn = DemoMissions.dayIn(random, year, month, mission);
                            if (setOn == null) {
                                continue;
                            }
                            serial++;
                            LocalDate asOf = asOf(mission);
                            String partners = random.nextDouble() < 0.35 + 0.04 * t
                                    ? pick(random, PARTNERS.getOrDefault(mission.code(), OTHER_PARTNERS)) : "none";
                            LocalDate due = random.nextInt(100) < 8 ? null : setOn.plusDays(90 + random.nextInt(450));
                            double outcome = random.nextDouble();
                            LocalDate achieved;
                            boolean abandoned = false;
                            if (due == null) {
                                achieved = outcome < 0.6 ? setOn.plusDays(60 + random.nextInt(440)) : null;
                            } else if (outcome < 0.38 + 0.04 * t) {
                                achieved = setOn.plusDays(30 + random.nextInt((int) (due.toEpochDay() - setOn.toEpochDay()) - 29));
                            } else if (outcome < 0.68 + 0.025 * t) {
                                achieved = due.plusDays(15 + random.nextInt(300));
                            } else if (outcome < 0.76 + 0.025 * t) {
                                achieved = null;
                                abandoned = true;
                            } else {
                                achieved = null;
                            }
                            if (achieved != null && achieved.isAfter(asOf)) {
                                achieved = null;
                            }
                            String status;
                            if (achieved != null) {
                                status = "achieved";
                            } else if (abandoned && (due == null || !due.isAfter(asOf))) {
                                status = "abandoned";
                            } else if (due != null && due.isBefore(asOf)) {
                                status = "delayed";
                            } else if (due == null && setOn.plusDays(540).isBefore(asOf)) {
                                // without a due date, a milestone still open after a year and a half is stalled
                                status = outcome < 0.8 ? "delayed" : "abandoned";
                            } else {
                                status = setOn.plusDays(60).isAfter(asOf) ? "planned" : "on_track";
                            }
                            csv.printRecord(
                                    "SYN-PM-" + mission.code() + "-" + year + "-" + String.format("%05d", serial),
                                    setOn, mission.code(), mission.code() + " political strategy " + year,
                                    pick(random, MILESTONES), partners, due == null ? "" : due, status,
                                    achieved == null ? "" : achieved);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return SyntheticData.inMemory("synthetic-political-milestones.csv", out.toString());
    }

    /** Tens of engagements a month in the large missions; more women and more partners over the years. */
    ImportFile engagements() {
        Random random = new Random(seed + 102);
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord("engagement_id", "held_on", "mission", "site", "level", "type", "partners", "participants",
                    "women_participants", "women_led_organisations", "summary");
            int serial = 0;
            for (int year = DemoMissions.FIRST_YEAR; year <= DemoMissions.LAST_YEAR; year++) {
                int t = year - DemoMissions.FIRST_YEAR;
                for (int month = 1; month <= 12; month++) {
                    for (OrgUnit mission : DemoMissions.active(orgUnits, year, month)) {
                        int count = poisson(random, perMonth(mission, 25, 8, 2));
                        for (int i = 0; i < count; i++) {
                            LocalDate heldOn = DemoMissions.dayIn(random, year, month, mission);
                            if (heldOn == null) {
                                continue;
                            }
                            serial++;
                            int l = random.nextInt(100);
                            String level = l < 50 ? "local" : l < 85 ? "national" : l < 95 ? "regional" : "international";
                            int k = random.nextInt(100);
                            String type = k < 30 ? "dialogue" : k < 50 ? "convening" : k < 60 ? "mediation" : "consultation";
                            List<OrgUnit> missionSites = sitesOf(mission.code());
                            String site = level.equals("local") && !missionSites.isEmpty() ? pick(random, missionSites).code() : "";
                            double partnerChance = (0.30 + 0.025 * t)
                                    * (level.equals("local") ? 0.5 : level.equals("national") ? 1 : 2.5);
                            String partners = random.nextDouble() < partnerChance
                                    ? pick(random, PARTNERS.getOrDefault(mission.code(), OTHER_PARTNERS)) : "none";
                            int participants = switch (level) {
                                case "local" -> 10 + random.nextInt(140);
                                case "national" -> 10 + random.nextInt(70);
                                case "regional" -> 8 + random.nextInt(52);
                                default -> 6 + random.nextInt(34);
                            };
                            double share = 0.17 + 0.02 * t
                                    + (level.equals("local") && type.equals("consultation") ? 0.05 : 0)
                                    - (type.equals("mediation") ? 0.05 : 0)
                                    + random.nextGaussian() * 0.08;
                            long women = Math.round(participants * Math.max(0, Math.min(1, share)));
                            boolean counted = random.nextInt(100) >= 7;
                            boolean womenLed = random.nextDouble() < 0.15 + 0.035 * t + (level.equals("local") ? 0.1 : 0);
                            csv.printRecord(
                                    "SYN-EN-" + mission.code() + "-" + year + "-" + String.format("%06d", serial),
                                    heldOn, mission.code(), site, level, type, partners, participants,
                                    counted ? women : "", womenLed, "Synthetic record; no real event.");
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return SyntheticData.inMemory("synthetic-engagements.csv", out.toString());
    }

    /** A handful of products per mission a quarter; more joint and data-based over the years. */
    ImportFile planningProducts() {
        Random random = new Random(seed + 103);
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord("product_id", "issued_on", "mission", "type", "title", "joint", "uses_gender_data",
                    "uses_performance_data");
            int serial = 0;
            for (int year = DemoMissions.FIRST_YEAR; year <= DemoMissions.LAST_YEAR; year++) {
                int t = year - DemoMissions.FIRST_YEAR;
                for (int month = 1; month <= 12; month++) {
                    for (OrgUnit mission : DemoMissions.active(orgUnits, year, month)) {
                        int count = poisson(random, perMonth(mission, 2.0, 1.0, 0.5));
                        for (int i = 0; i < count; i++) {
                            LocalDate issuedOn = DemoMissions.dayIn(random, year, month, mission);
                            if (issuedOn == null) {
                                continue;
                            }
                            serial++;
                            String type = weighted(random, PRODUCT_TYPES, PRODUCT_WEIGHTS);
                            if (type.equals("cpas_assessment") && issuedOn.isBefore(CPAS_FROM)) {
                                type = "operational_plan";
                            }
                            boolean joint = random.nextDouble() < 0.35 + 0.065 * t;
                            Object gender = random.nextInt(100) < 10 ? "" : (Object) (random.nextDouble() < 0.20 + 0.065 * t);
                            Object performance = type.equals("cpas_assessment") ? Boolean.TRUE
                                    : random.nextInt(100) < 8 ? "" : (Object) (random.nextDouble() < 0.10 + 0.09 * t);
                            csv.printRecord(
                                    "SYN-PP-" + mission.code() + "-" + year + "-" + String.format("%05d", serial),
                                    issuedOn, mission.code(), type, mission.code() + " " + PRODUCT_TITLES.get(type) + " " + year,
                                    joint, gender, performance);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return SyntheticData.inMemory("synthetic-planning-products.csv", out.toString());
    }

    /** Daily-ish outputs in the large missions; more social media, local languages and disinformation work over the years. */
    ImportFile commsOutputs() {
        Random random = new Random(seed + 104);
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord("output_id", "published_on", "mission", "type", "language", "title", "audience_reached",
                    "addresses_disinformation");
            int serial = 0;
            for (int year = DemoMissions.FIRST_YEAR; year <= DemoMissions.LAST_YEAR; year++) {
                int t = year - DemoMissions.FIRST_YEAR;
                String[] types = {"radio_programme", "social_media", "press", "community_outreach", "campaign"};
                int[] weights = {30 - t, 25 + 3 * t, 20 - t, 20 - t, 5};
                for (int month = 1; month <= 12; month++) {
                    for (OrgUnit mission : DemoMissions.active(orgUnits, year, month)) {
                        int count = poisson(random, perMonth(mission, 30, 12, 4));
                        String[][] languages = LANGUAGES.getOrDefault(mission.code(), OTHER_LANGUAGES);
                        for (int i = 0; i < count; i++) {
                            LocalDate publishedOn = DemoMissions.dayIn(random, year, month, mission);
                            if (publishedOn == null) {
                                continue;
                            }
                            serial++;
                            String type = weighted(random, types, weights);
                            boolean local = languages[1].length > 0 && random.nextDouble() < 0.25 + 0.025 * t
                                    + (type.equals("radio_programme") || type.equals("community_outreach") ? 0.15 : 0);
                            String language = local ? pick(random, languages[1])
                                    : random.nextInt(100) < 75 ? languages[0][0] : pick(random, languages[0]);
                            double spread = Math.exp(random.nextGaussian() * 0.8);
                            long audience = Math.round(spread * switch (type) {
                                case "radio_programme" -> 120_000 * Math.pow(1.03, t);
                                case "social_media" -> 10_000 * Math.pow(1.3, t);
                                case "press" -> 20_000;
                                case "community_outreach" -> 250;
                                default -> 150_000;
                            });
                            boolean estimated = random.nextInt(100) >= (type.equals("press") ? 20 : 4);
                            boolean disinformation = random.nextDouble() < 0.05 + 0.03 * t
                                    + (type.equals("social_media") || type.equals("radio_programme") ? 0.08 : 0);
                            csv.printRecord(
                                    "SYN-CO-" + mission.code() + "-" + year + "-" + String.format("%06d", serial),
                                    publishedOn, mission.code(), type, language, "Synthetic output " + serial,
                                    estimated ? Math.min(audience, 100_000_000L) : "", disinformation);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return SyntheticData.inMemory("synthetic-comms-outputs.csv", out.toString());
    }

    private static double perMonth(OrgUnit mission, double large, double medium, double small) {
        return LARGE.contains(mission.code()) ? large : SMALL.contains(mission.code()) ? small : medium;
    }

    /** The date the records are reported as of: the demo's date, or the mission's end when it closed before. */
    private static LocalDate asOf(OrgUnit mission) {
        return mission.end() != null && mission.end().isBefore(AS_OF) ? mission.end() : AS_OF;
    }

    private List<OrgUnit> sitesOf(String mission) {
        return sites.computeIfAbsent(mission, orgUnits::sitesOf);
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

    private static String weighted(Random random, String[] items, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < items.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return items[i];
            }
        }
        return items[items.length - 1];
    }

    private static <T> T pick(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static String pick(Random random, String[] items) {
        return items[random.nextInt(items.length)];
    }
}
