package org.a4p.pages;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.a4p.app.App;
import org.a4p.app.Json;
import org.a4p.i18n.Messages;
import org.a4p.orgunit.OrgUnit;
import org.a4p.pack.Pack;

/**
 * {@code /missions}: every mission of the pack, current ones first, each with a link to its page,
 * its scope, its life and how many Geo-PKO sites it has; and a small map of where each is headquartered.
 */
public final class MissionListPage implements PageRoutes.PageTable {
    /** {@code mapData}: the JSON the map script draws (one point per mission with coordinates). */
    public record Missions(List<Item> current, List<Item> closed, String mapData) {}

    public record Item(String code, String href, String name, String scope, String life, String sites) {}

    private final Pack pack;
    private final PageFrame frame;

    MissionListPage(App app, PageFrame frame) {
        this.pack = app.pack();
        this.frame = frame;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi routes) {
        routes.get("/missions", this::show);
    }

    private void show(Context ctx) {
        Messages words = PageFrame.words(ctx);
        LocalDate today = LocalDate.now();
        List<Item> current = new ArrayList<>();
        List<Item> closed = new ArrayList<>();
        List<Map<String, Object>> points = new ArrayList<>();
        List<OrgUnit> missions = pack.orgUnits().missions().stream().sorted(Comparator.comparing(OrgUnit::code)).toList();
        for (OrgUnit mission : missions) {
            boolean open = mission.end() == null || mission.end().isAfter(today);
            String href = "/missions/" + Page.encode(mission.code()).replace("+", "%20");
            Item item = new Item(mission.code(), href, mission.name(), mission.scope(), MissionPage.life(words, mission),
                    words.count(pack.orgUnits().sitesOf(mission.code()).size()));
            (open ? current : closed).add(item);
            if (mission.latitude() != null && mission.longitude() != null) {
                Map<String, Object> point = new LinkedHashMap<>();
                point.put("code", mission.code());
                point.put("name", mission.code() + " — " + mission.name());
                point.put("lat", mission.latitude());
                point.put("lon", mission.longitude());
                point.put("href", href);
                point.put("current", open);
                points.add(point);
            }
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("points", points);
        map.put("overview", true);
        map.put("attribution", words.get("map.attribution"));
        map.put("label", words.get("missions.map_label"));
        Page page = frame.page(ctx, words.get("missions.title"), "missions");
        PageFrame.send(ctx, "missions.jte", "page", page, "missions", new Missions(current, closed, Json.write(map)));
    }
}
