package org.a4p.app;

import java.time.Clock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.a4p.audit.AuditTrail;
import org.a4p.db.Database;
import org.a4p.indicators.IndicatorEngine;
import org.a4p.ingest.Importer;
import org.a4p.metrics.Metrics;
import org.a4p.pack.Pack;
import org.a4p.release.PublishRelease;
import org.a4p.release.ReadReleases;
import org.a4p.workflow.ChangeSubmissionStatus;

/**
 * One generation of everything built from a pack: the pack, its engine, importer, workflow and
 * releases. Immutable; {@link App} holds the one in service and swaps it whole on a reload. A run
 * that writes {@linkplain #enter() enters} its generation for its whole length, so a reload waits for
 * it before the values are recomputed under the next pack.
 */
public final class PackRuntime {
    private final long number;
    private final Pack pack;
    private final IndicatorEngine engine;
    private final Importer importer;
    private final ChangeSubmissionStatus workflow;
    private final PublishRelease publishRelease;
    private final ReadReleases releases;
    /** Read: a run in flight under this generation. Write: a reload retiring it. */
    private final ReentrantReadWriteLock uses = new ReentrantReadWriteLock();

    PackRuntime(long number, Pack pack, Database database, AuditTrail audit, Metrics metrics, Clock clock) {
        this.number = number;
        this.pack = pack;
        this.engine = new IndicatorEngine(pack, database.dialect());
        this.releases = new ReadReleases(pack, database);
        Importer.Refresh refresh = metrics.timed(engine);
        this.importer = new Importer(database, pack, refresh, audit, metrics);
        this.workflow = new ChangeSubmissionStatus(pack, database, importer, refresh, audit, clock);
        this.publishRelease = new PublishRelease(pack, database, audit, clock, metrics);
    }

    /** 1 for the pack the app started on, one more on every reload. */
    public long number() {
        return number;
    }

    public Pack pack() {
        return pack;
    }

    public IndicatorEngine engine() {
        return engine;
    }

    public Importer importer() {
        return importer;
    }

    public ChangeSubmissionStatus workflow() {
        return workflow;
    }

    public PublishRelease publishRelease() {
        return publishRelease;
    }

    public ReadReleases releases() {
        return releases;
    }

    /** Whether a reload is waiting for the runs in flight under this generation, or has retired it. */
    public boolean retiring() {
        return uses.isWriteLocked() || uses.hasQueuedThreads();
    }

    void enter() {
        uses.readLock().lock();
    }

    void leave() {
        uses.readLock().unlock();
    }

    /** Waits until no run is in flight under this generation, and keeps new ones out until {@link #unblock}. */
    void block() {
        uses.writeLock().lock();
    }

    void unblock() {
        uses.writeLock().unlock();
    }
}
