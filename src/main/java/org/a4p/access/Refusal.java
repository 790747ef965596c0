package org.a4p.access;

import org.a4p.app.Failure;

/** An outcome that refuses an admin's request, as the {@link Failure} that each edge maps once (exit code, HTTP status). */
public interface Refusal {
    Failure failure();
}
