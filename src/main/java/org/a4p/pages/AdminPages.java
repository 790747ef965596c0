package org.a4p.pages;

import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import org.a4p.app.App;

/** The admin section ({@code /admin}): accounts and API tokens, the pack's indicators and the check of an edited pack. */
final class AdminPages implements PageRoutes.PageTable {
    private final List<PageRoutes.PageTable> pages;

    AdminPages(App app, PageFrame frame) {
        this.pages = List.of(new UsersPage(app, frame), new PackPage(app, frame));
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi routes) {
        pages.forEach(page -> page.addTo(routes));
    }
}
