package org.a4p.pages;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.a4p.app.App;
import org.a4p.i18n.Messages;
import org.a4p.opendata.ExportFormat;
import org.a4p.opendata.ExportRelease;
import org.a4p.opendata.ValueColumn;
import org.a4p.pack.Indicator;
import org.a4p.release.ReadReleases;
import org.a4p.release.Release;
import org.a4p.release.ReleasedValue;
import org.a4p.web.HttpProblem;

/**
 * {@code /open-data}: every published release, newest first, with its downloads; {@code
 * /open-data/releases/{n}}: what one release added, revised and withdrew; and the downloads
 * themselves, streamed by {@link ExportRelease} (as {@code ./a4p export} writes them). Public: no
 * sign-in. {@code n} may be {@code latest}. A release never changes, so each download carries an
 * ETag from the release's number and digest (and the pack's, for the units and dictionary), and
 * a matching If-None-Match is answered 304.
 */
public final class OpenDataPage implements PageRoutes.PageTable {
    public record Listing(List<Release> releases, List<ValueColumn> columns, int smallCellThreshold) {}

    /** A download of a release: the path under {@code /open-data/releases/{n}/} and the key of its link's label. */
    public record Download(String file, String labelKey) {
        /** Each format's file and the dictionary, for release {@code release} (a number or {@code latest}). */
        public static List<Download> of(String release) {
            List<Download> out = new java.util.ArrayList<>();
            for (ExportFormat format : ExportFormat.values()) {
                out.add(new Download(format.downloadName(release), "opendata.download." + format.code()));
            }
            out.add(new Download(DICTIONARY, "opendata.download.dictionary"));
            return out;
        }
    }

    public record Changes(Release release, String kind, List<ReleasedValue> changes, int limit, Map<String, String> units) {
        public boolean limited() {
            return changes.size() >= limit;
        }

        /** How many values the release added, revised or withdrew. */
        public int count(String kind) {
            return switch (kind) {
                case ReleasedValue.ADDED -> release.added();
                case ReleasedValue.REVISED -> release.revised();
                default -> release.withdrawn();
            };
        }

        public String unit(String indicator) {
            return units.getOrDefault(indicator, "count");
        }
    }

    static final String DICTIONARY = "dictionary.json";
    /** At most this many changes on a release's page; the downloads hold them all. */
    static final int CHANGES_SHOWN = 500;
    /** Zips kept, by ETag: a release never changes, and its zip takes two passes over it (44 s for the demo's 851,940 values, 8 MB). */
    private static final int KEPT_ZIPS = 2;

    private final Map<String, byte[]> zips = LastUsed.keeping(KEPT_ZIPS);

    private final PageFrame frame;
    private final ReadReleases releases;
    private final ExportRelease export;
    private final String packDigest;
    private final int smallCellThreshold;
    private final Map<String, String> units;

    OpenDataPage(App app, PageFrame frame) {
        this.frame = frame;
        this.releases = app.releases();
        this.export = new ExportRelease(app.pack(), app.releases(), app.clock());
        this.packDigest = app.pack().digest();
        this.smallCellThreshold = app.pack().settings().smallCellThreshold();
        this.units = app.pack().indicators().stream().collect(Collectors.toMap(Indicator::id, Indicator::unit));
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi routes) {
        routes.get("/open-data", this::list);
        routes.get("/open-data/releases/{n}", this::release);
        routes.get("/open-data/releases/{n}/{file}", this::download);
    }

    private void list(Context ctx) {
        Messages words = PageFrame.words(ctx);
        Page page = frame.page(ctx, words.get("opendata.title"), "opendata");
        List<Release> newestFirst = releases.list().stream().sorted(Comparator.comparingInt(Release::number).reversed()).toList();
        PageFrame.send(ctx, "opendata.jte", "page", page, "listing",
                new Listing(newestFirst, Arrays.asList(ValueColumn.values()), smallCellThreshold));
    }

    private void release(Context ctx) {
        Release release = PageFrame.ok(export.release(ctx.pathParam("n")));
        String kind = ctx.queryParam("change");
        ReadReleases.Changes changes = PageFrame.ok(releases.changes(release.number(), kind, CHANGES_SHOWN));
        Messages words = PageFrame.words(ctx);
        Page page = frame.page(ctx, words.get("opendata.release.title", release.number()), "opendata");
        PageFrame.send(ctx, "opendatarelease.jte", "page", page, "view", new Changes(release, kind, changes.changes(), CHANGES_SHOWN, units));
    }

    private void download(Context ctx) throws IOException {
        String which = ctx.pathParam("n");
        Release release = PageFrame.ok(export.release(which));
        String file = ctx.pathParam("file");
        // dictionary.json is the one download that is no format of the release: null
        ExportFormat format = Arrays.stream(ExportFormat.values())
                .filter(f -> f.downloadName(which).equals(file) || f.downloadName(String.valueOf(release.number())).equals(file)).findFirst()
                .orElse(null);
        if (format == null && !file.equals(DICTIONARY)) {
            throw HttpProblem.notFound(PageFrame.words(ctx).get("error.nothing_here", ctx.path()));
        }
        String etag = "\"" + (format == null ? "dictionary" : format.code()) + "-r" + release.number() + "-"
                + release.contentSha256().substring(0, 16) + "-p" + packDigest.substring(0, 8) + "\"";
        ctx.header("ETag", etag);
        // A numbered release never changes; "latest" moves on with the next release, so caches ask again.
        ctx.header("Cache-Control", which.equals("latest") ? "public, no-cache" : "public, max-age=86400");
        if (matches(ctx.header("If-None-Match"), etag)) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        String name = format == null ? "a4p-release-" + release.number() + "-dictionary.json" : format.fileName(release.number());
        ctx.contentType(format == null ? "application/json" : format.mediaType());
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        if (format == ExportFormat.ZIP) {
            ctx.result(zip(release, etag));
            return;
        }
        OutputStream out = ctx.outputStream();
        if (format == null) {
            export.writeDictionary(out);
        } else {
            export.write(release, format, out);
        }
    }

    private byte[] zip(Release release, String etag) throws IOException {
        byte[] zip = zips.get(etag);
        if (zip == null) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
            export.write(release, ExportFormat.ZIP, bytes);
            zip = bytes.toByteArray();
            zips.put(etag, zip);
        }
        return zip;
    }

    /** If-None-Match holds this ETag (or is *), weak or strong alike. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(",")).map(String::strip).map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
    }
}
