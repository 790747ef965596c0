package org.a4p.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.a4p.access.Accounts;
import org.a4p.audit.AuditTrail;
import org.a4p.audit.RecordPackLoad;
import org.a4p.db.Database;
import org.a4p.indicators.IndicatorEngine;
import org.a4p.indicators.PackFormulas;
import org.a4p.ingest.Importer;
import org.a4p.metrics.Metrics;
import org.a4p.pack.Pack;
import org.a4p.pack.PackException;
import org.a4p.pack.PackProblem;
import org.a4p.pack.PackLoader;
import org.a4p.pack.PackSource;
import org.a4p.records.RecordTables;
import org.a4p.release.PublishRelease;
import org.a4p.release.ReadReleases;
import org.a4p.workflow.ChangeSubmissionStatus;

/** Wires the product together with plain constructors: pack, database, engine, importer, accounts, workflow, releases, metrics. */
public final class App implements AutoCloseable {
    private final Pack pack;
    private final Database database;
    private final IndicatorEngine engine;
    private final Importer importer;
    private final Accounts accounts;
    private final ChangeSubmissionStatus workflow;
    private final PublishRelease publishRelease;
    private final ReadReleases releases;
    private final Clock clock;
    private final AuditTrail audit;
    private final Metrics metrics;

    public App(Pack pack, Database database) {
        this(pack, database, Clock.systemUTC());
    }

    /** {@code clock} tells the accounts the time: tests move it to end sessions and lift locks without waiting. */
    public App(Pack pack, Database database, Clock clock) {
        this.pack = pack;
        this.database = database;
        this.clock = clock;
        new RecordTables(database).ensure(pack.recordTypes().values());
        this.engine = new IndicatorEngine(pack, database.dialect());
        this.audit = new AuditTrail(clock);
        this.releases = new ReadReleases(pack, database);
        this.metrics = new Metrics(releases::latestNumber);
        Importer.Refresh refresh = metrics.timed(engine);
        this.importer = new Importer(database, pack, refresh, audit, metrics);
        new RecordPackLoad(audit, database.dataSource()).run(pack);
        this.accounts = new Accounts(database.jdbi(), pack.orgUnits(), clock, audit);
        this.workflow = new ChangeSubmissionStatus(pack, database, importer, refresh, audit, clock);
        this.publishRelease = new PublishRelease(pack, database, audit, clock, metrics);
    }

    /** Opens the product on a database target (URL or folder) and a pack folder (null for the bundled pack). */
    public static App open(String databaseTarget, Path packFolder) {
        return new App(loadPack(packFolder), Database.open(databaseTarget));
    }

    /** The pack in a folder (null for the bundled pack), its formulas checked; what {@link #open} starts on. */
    public static Pack loadPack(Path packFolder) {
        Pack pack = packFolder == null ? PackLoader.loadBundled() : PackLoader.load(PackSource.folder(packFolder)).orThrow();
        List<PackProblem> problems = PackFormulas.check(pack);
        if (!problems.isEmpty()) {
            throw new PackException(problems);
        }
        return pack;
    }

    public Pack pack() {
        return pack;
    }

    public Database database() {
        return database;
    }

    public IndicatorEngine engine() {
        return engine;
    }

    public Importer importer() {
        return importer;
    }

    public Accounts accounts() {
        return accounts;
    }

    /** The approval workflow's steps on submissions. */
    public ChangeSubmissionStatus workflow() {
        return workflow;
    }

    public PublishRelease publishRelease() {
        return publishRelease;
    }

    public ReadReleases releases() {
        return releases;
    }

    public Clock clock() {
        return clock;
    }

    public AuditTrail audit() {
        return audit;
    }

    /** What the product counts, served at {@code GET /metrics}. */
    public Metrics metrics() {
        return metrics;
    }

    @Override
    public void close() {
        metrics.close();
        database.close();
    }
}
