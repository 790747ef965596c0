package org.a4p.templates;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.a4p.app.Failure;
import org.a4p.app.Outcome;
import org.a4p.pack.Pack;
import org.a4p.pack.RecordType;

/** Use case: writes the Excel template of a record type to a file. */
public final class WriteTemplate {
    /** {@code force}: replace a file that exists (it may hold records typed in). */
    public record Request(String recordType, Path file, boolean force) {}

    public record Written(String recordType, Path file, int columns, int dropDowns) {}

    private final Pack pack;

    public WriteTemplate(Pack pack) {
        this.pack = pack;
    }

    public Outcome<Written> run(Request request) {
        Optional<Failure> refused = refusal(request);
        if (refused.isPresent()) {
            return Outcome.failed(refused.get());
        }
        RecordType type = pack.recordType(request.recordType()).orElseThrow();
        TemplateWriter writer = new TemplateWriter(pack);
        writer.write(type, request.file());
        return Outcome.ok(new Written(type.id(), request.file(), writer.columns(type).size(), writer.dropDowns(type)));
    }

    private Optional<Failure> refusal(Request request) {
        Optional<RecordType> type = pack.recordType(request.recordType());
        if (type.isEmpty()) {
            return Optional.of(Failure.invalid("unknown record type '" + request.recordType() + "'; known: "
                    + String.join(", ", pack.recordTypes().keySet())));
        }
        if (type.get().reporting().system()) {
            return Optional.of(Failure.invalid("'" + request.recordType()
                    + "' records are written by A4P+ Monitor itself: there is no template to fill"));
        }
        Path file = request.file();
        if (Files.isDirectory(file)) {
            return Optional.of(Failure.invalid(file + " is a folder: --out takes the name of the workbook to write"));
        }
        if (Files.exists(file) && !request.force()) {
            return Optional.of(Failure.invalid(file + " already exists (it may hold records typed in); use --force to overwrite it"));
        }
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            return Optional.of(Failure.invalid("no such folder: " + folder));
        }
        return Optional.empty();
    }
}
