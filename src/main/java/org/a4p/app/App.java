package org.a4p.app;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
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

/**
 * Wires the product together with plain constructors: database, accounts, metrics, and the
 * {@link PackRuntime} built from the pack (engine, importer, workflow, releases), which a reload
 * replaces whole. {@link #pack()}, {@link #importer()}... answer from the runtime in service at the
 * call; a run that must see one pack to its end {@linkplain #enter() enters} a generation.
 */
public final class App implements AutoCloseable {
    /** What a reload runs under the next generation before it is put in service (the full refresh). */
    @FunctionalInterface
    public interface Preparation {
        void run(PackRuntime next) throws SQLException;
    }

    private final AtomicReference<PackRuntime> current;
    /** The generation this view is fixed to; null on the app itself, which follows reloads. */
    private final PackRuntime pinned;
    private final Path packFolder;
    private final Database database;
    private final Accounts accounts;
    private final Clock clock;
    private final AuditTrail audit;
    private final Metrics metrics;

    public App(Pack pack, Database database) {
        this(pack, database, Clock.systemUTC());
    }

    /** {@code clock} tells the accounts the time: tests move it to end sessions and lift locks without waiting. */
    public App(Pack pack, Database database, Clock clock) {
        this(pack, null, database, clock);
    }

    /** {@code packFolder}: where {@code pack} was loaded from, where a reload loads it again (null: the bundled pack). */
    public App(Pack pack, Path packFolder, Database database, Clock clock) {
        this.packFolder = packFolder;
        this.database = database;
        this.clock = clock;
        this.pinned = null;
        new RecordTables(database).ensure(pack.recordTypes().values());
        this.audit = new AuditTrail(clock);
        this.current = new AtomicReference<>();
        this.metrics = new Metrics(() -> current.get().releases().latestNumber());
        current.set(new PackRuntime(1, pack, database, audit, metrics, clock));
        new RecordPackLoad(audit, database.dataSource()).run(pack);
        this.accounts = new Accounts(database.jdbi(), pack.orgUnits(), clock, audit);
    }

    private App(App app, PackRuntime pinned) {
        this.current = app.current;
        this.pinned = pinned;
        this.packFolder = app.packFolder;
        this.database = app.database;
        this.accounts = app.accounts;
        this.clock = app.clock;
        this.audit = app.audit;
        this.metrics = app.metrics;
    }

    /** Opens the product on a database target (URL or folder) and a pack folder (null for the bundled pack). */
    public static App open(String databaseTarget, Path packFolder) {
        Pack pack = loadPack(packFolder);
        return new App(pack, packFolder, Database.open(databaseTarget), Clock.systemUTC());
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

    /** The generation in service (or the one this view is fixed to). */
    public PackRuntime runtime() {
        return pinned != null ? pinned : current.get();
    }

    /** This app fixed to one generation: its pack, engine, importer... never change under the caller. */
    public App at(PackRuntime runtime) {
        return new App(this, runtime);
    }

    /**
     * Enters the generation in service for a run that writes: a reload waits until every run entered
     * has been closed before it recomputes the values under the next pack; a run entered after the swap
     * gets the next one. On a view fixed to a generation, that generation, without waiting on anything.
     */
    public Use enter() {
        if (pinned != null) {
            return new Use(at(pinned), null);
        }
        while (true) {
            PackRuntime runtime = current.get();
            runtime.enter();
            if (current.get() == runtime) {
                return new Use(at(runtime), runtime);
            }
            runtime.leave(); // swapped while this run waited: take the new one
        }
    }

    /** A run under one generation; close it when the run ends, on the thread that entered. */
    public static final class Use implements AutoCloseable {
        private final App app;
        private final PackRuntime entered;

        private Use(App app, PackRuntime entered) {
            this.app = app;
            this.entered = entered;
        }

        /** The app fixed to the generation entered. */
        public App app() {
            return app;
        }

        public PackRuntime runtime() {
            return app.runtime();
        }

        @Override
        public void close() {
            if (entered != null) {
                entered.leave();
            }
        }
    }

    /**
     * Replaces the generation in service by one built from {@code next}: waits until every run in
     * flight under the old one has ended (and holds new ones back), runs {@code preparation} under the
     * next (the full refresh), and only when it succeeds puts the next in service. When it fails the old
     * generation stays and the failure is thrown. One replacement at a time.
     */
    public synchronized PackRuntime replace(Pack next, Preparation preparation) throws SQLException {
        if (pinned != null) {
            throw new IllegalStateException("a view fixed to one generation cannot replace it");
        }
        new RecordTables(database).ensure(next.recordTypes().values());
        PackRuntime old = current.get();
        PackRuntime fresh = new PackRuntime(old.number() + 1, next, database, audit, metrics, clock);
        old.block();
        try {
            preparation.run(fresh);
            current.set(fresh);
        } finally {
            old.unblock();
        }
        return fresh;
    }

    public Pack pack() {
        return runtime().pack();
    }

    /** The folder the pack was loaded from, where a reload loads it again; null for the bundled pack. */
    public Path packFolder() {
        return packFolder;
    }

    public Database database() {
        return database;
    }

    public IndicatorEngine engine() {
        return runtime().engine();
    }

    public Importer importer() {
        return runtime().importer();
    }

    /** Accounts, built on the org units of the pack the app started on (a reload does not change who may see what). */
    public Accounts accounts() {
        return accounts;
    }

    /** The approval workflow's steps on submissions. */
    public ChangeSubmissionStatus workflow() {
        return runtime().workflow();
    }

    public PublishRelease publishRelease() {
        return runtime().publishRelease();
    }

    public ReadReleases releases() {
        return runtime().releases();
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
        if (pinned != null) {
            return; // a view: the app it was taken from closes the database
        }
        metrics.close();
        database.close();
    }
}
