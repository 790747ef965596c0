package org.a4p.pages;

import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import org.a4p.app.App;

/** The data section ({@code /data}): uploads and templates, submissions and their workflow, releases. */
final class DataPages implements PageRoutes.PageTable {
    private final List<PageRoutes.PageTable> pages;

    DataPages(App app, PageFrame frame) {
        UploadReports reports = new UploadReports(app.clock());
        this.pages = List.of(new UploadPage(app, frame, reports), new SubmissionsPage(app, frame, reports), new ReleasesPage(app, frame));
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi routes) {
        pages.forEach(page -> page.addTo(routes));
    }
}
