package org.a4p.ingest;

/** Receives progress of long work, for a progress bar. */
public interface Progress {
    Progress NONE = new Progress() {
        @Override
        public void update(String phase, double fraction) {}

        @Override
        public void done() {}
    };

    /** {@code fraction} runs from 0 to 1 within the named phase. */
    void update(String phase, double fraction);

    void done();
}
