/**
 * Fuzz targets (Jazzer {@code @FuzzTest}): one per file format through the readers, and one for the
 * import. Under {@code mvn verify} each replays its seeds, the files in
 * {@code src/test/resources/org/a4p/fuzz/<Target>Inputs/<method>/} (plus the empty input, and for
 * XLSX the workbooks of {@link org.a4p.fuzz.XlsxSeeds}). To fuzz one target, as {@code .ci/run} does
 * for each:
 * <pre>
 * JAZZER_FUZZ=1 mvn surefire:test -Dtest=CsvFuzzTest -Djazzer.hooks=true -DargLine=-Xmx1g
 * </pre>
 * Jazzer fuzzes a single target per JVM, for 30 s ({@code maxDuration}); its generated corpus goes to
 * {@code target/fuzz/.cifuzz-corpus/}, and a finding's input to {@code target/fuzz/crash-*}. A fixed
 * finding joins the seeds of its target.
 */
package org.a4p.fuzz;
