package org.a4p.api;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import org.a4p.disclosure.ReadRecords;
import org.a4p.web.FailedRequest;

/** {@code /api/v1/records/{type}}: current records with only the fields and missions the caller may see (the disclosure package decides). */
final class RecordRoutes {
    static final int DEFAULT_LIMIT = 1_000;

    private final ReadRecords readRecords;

    RecordRoutes(ReadRecords readRecords) {
        this.readRecords = readRecords;
    }

    void addTo(JavalinDefaultRoutingApi routes) {
        routes.get("/api/v1/records/{type}", this::records);
    }

    private void records(Context ctx) {
        Params.only(ctx, "mission", "offset", "limit");
        Integer offset = Params.integer(ctx, "offset", 0, Integer.MAX_VALUE, "expected a whole number, 0 or more");
        Integer limit = Params.integer(ctx, "limit", 1, ReadRecords.MAX_LIMIT, "expected a whole number from 1 to " + ReadRecords.MAX_LIMIT);
        ReadRecords.Request request = new ReadRecords.Request(ctx.pathParam("type"), Params.text(ctx, "mission"),
                offset == null ? 0 : offset, limit == null ? DEFAULT_LIMIT : limit);
        ctx.json(readRecords.run(ApiCaller.of(ctx).disclosure(), request).orElseThrow(FailedRequest::new));
    }
}
