package org.a4p.pages;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.a4p.access.Role;
import org.a4p.app.App;
import org.a4p.i18n.Messages;
import org.a4p.indicators.CheckPack;
import org.a4p.pack.Indicator;
import org.a4p.pack.Pack;
import org.a4p.pack.PackProblem;
import org.a4p.pack.PackSource;
import org.a4p.pack.UploadedPack;
import org.a4p.web.HttpProblem;
import org.a4p.web.Uploads;

/**
 * {@code /admin/pack}: the running pack's indicators (read only), and an edited pack sent as a zip
 * of its folder or as some of its files (laid over the bundled pack), checked as {@code ./a4p pack
 * check} checks it, every problem with its file and line. The app holds one pack for its whole
 * life, so a clean pack is not applied here: the page says to restart with {@code --pack}.
 */
public final class PackPage implements PageRoutes.PageTable {
    public record View(String packId, String version, List<Line> indicators, Checked checked, String problem) {}

    public record Line(String id, String name, String nameFr, String unit, String direction, String priority, boolean headline,
            String target) {}

    /** A check's outcome: what was checked, its problems, and on a clean pack what it holds. */
    public record Checked(String label, List<PackProblem> problems, String summary) {}

    private final Pack pack;
    private final PageFrame frame;
    private final CheckPack check = new CheckPack();

    PackPage(App app, PageFrame frame) {
        this.pack = app.pack();
        this.frame = frame;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi routes) {
        routes.get("/admin/pack", ctx -> show(ctx, null, null));
        routes.post("/admin/pack", this::upload);
    }

    private void show(Context ctx, Checked checked, String problem) {
        PageFrame.require(ctx, Role.ADMIN);
        Messages words = PageFrame.words(ctx);
        List<Line> lines = pack.indicators().stream().sorted(Comparator.comparing(Indicator::id)).map(indicator -> line(indicator, words)).toList();
        Page page = frame.page(ctx, words.get("admin.pack.title"), "admin");
        PageFrame.send(ctx, "pack.jte", "page", page, "view", new View(pack.id(), pack.version(), lines, checked, problem));
    }

    private void upload(Context ctx) throws IOException {
        PageFrame.require(ctx, Role.ADMIN);
        List<UploadedPack.Sent> sent = new ArrayList<>();
        long total = 0;
        for (UploadedFile file : Uploads.parts(ctx, "pack")) {
            if (file.filename().isEmpty() && file.size() == 0) {
                continue;
            }
            total += file.size();
            if (total > UploadedPack.MAX_BYTES) {
                throw HttpProblem.tooLarge("Expected a pack of at most " + UploadedPack.MAX_BYTES / (1024 * 1024) + " MiB.");
            }
            try (InputStream in = file.content()) {
                sent.add(new UploadedPack.Sent(Uploads.fileName(file.filename()), in.readAllBytes()));
            }
        }
        UploadedPack.Result made = UploadedPack.of(sent, PackSource.bundled());
        if (made.pack().isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            show(ctx, null, made.problem());
            return;
        }
        CheckPack.Result result = check.run(made.pack().get());
        String summary = result.pack().map(checkedPack -> PageFrame.words(ctx).get("admin.pack.clean", checkedPack.id(), checkedPack.version(),
                checkedPack.indicators().size(), checkedPack.recordTypes().size(), checkedPack.priorities().size())).orElse(null);
        if (!result.clean()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        }
        show(ctx, new Checked(result.label(), result.problems(), summary), null);
    }

    private static Line line(Indicator indicator, Messages words) {
        String target = indicator.targets().stream().max(Comparator.comparingInt(Indicator.Benchmark::year))
                .map(benchmark -> words.get("admin.pack.target", words.number(benchmark.value(), indicator.unit()), benchmark.year()))
                .orElse(words.get("figure.no_target"));
        return new Line(indicator.id(), indicator.name(), indicator.nameFr() == null ? "" : indicator.nameFr(), words.get("admin.pack.unit." + indicator.unit()),
                words.get("admin.pack.direction." + indicator.direction().name().toLowerCase(java.util.Locale.ROOT)), indicator.priority(),
                indicator.headline(), target);
    }
}
