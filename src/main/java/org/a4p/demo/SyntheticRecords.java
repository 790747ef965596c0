package org.a4p.demo;

import java.util.Map;
import org.a4p.ingest.ImportFile;

/**
 * Seeded synthetic records of some record types, written in the product's own layouts. The same
 * seed gives the same files, so loading the demo twice changes nothing.
 */
interface SyntheticRecords {

    /** One file per record type, keyed by record type id, in the order they must be imported. */
    Map<String, ImportFile> files();
}
