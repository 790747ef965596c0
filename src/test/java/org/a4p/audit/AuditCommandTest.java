package org.a4p.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.a4p.app.Json;
import org.a4p.cli.Main;
import org.a4p.db.Database;
import org.a4p.support.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code a4p audit} and {@code a4p audit verify} end to end, in-process, on H2 and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@MethodSource("org.a4p.testing.Databases#databases")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditCommandTest {
    static final String PASSWORD = "lantern orchard vinegar";
    static final Pattern INTACT = Pattern.compile(
            "audit trail intact: (\\d+) entries from \\S+Z to \\S+Z; head (\\d+:[0-9a-f]{64})\n");

    @Parameter
    String url;

    Database database;

    CliRun run(String input, String... args) {
        String[] withDb = new String[args.length + 2];
        System.arraycopy(args, 0, withDb, 0, args.length);
        withDb[args.length] = "--db";
        withDb[args.length + 1] = url;
        return CliRun.withInput(input, withDb);
    }

    @BeforeParameterizedClassInvocation
    void aFewEntries() {
        database = Database.open(url);
        assertThat(run(PASSWORD + "\n", "users", "add", "cmd.ana", "--role", "analyst").code()).isEqualTo(Main.OK);
        assertThat(run("", "users", "disable", "cmd.ana").code()).isEqualTo(Main.OK);
        // A value that a spreadsheet would run as a formula.
        new AuditTrail(java.time.Clock.systemUTC()).append(database.dataSource(),
                AuditEvent.of("=HYPERLINK(\"http://x\")", "request.denied", "GET:/api/v1/users", null, Map.of("reason", "role_delegate")));
    }

    @AfterParameterizedClassInvocation
    void close() {
        database.close();
    }

    @Test
    void listsTheTrailNewestFirstAsATable() {
        CliRun table = run("", "audit");
        assertThat(table.code()).as(table.err()).isEqualTo(Main.OK);
        List<String> lines = table.out().lines().toList();
        assertThat(lines.get(0)).matches(" +seq +at \\(UTC\\) +actor +action +target +before -> after");
        assertThat(lines.get(1)).matches(" +4 +\\S+ \\S+ +=HYPERLINK.*request\\.denied +GET:/api/v1/users +\\{\"reason\":\"role_delegate\"\\}");
        assertThat(lines.get(2)).matches(" +3 .* cli:\\S+ +user\\.disable +user:cmd\\.ana +\\{\"enabled\":true\\} -> \\{\"enabled\":false,\"sessions_ended\":0\\}");
        assertThat(lines.get(3)).contains("user.add", "user:cmd.ana", "\"role\":\"analyst\"");
        assertThat(lines.get(4)).contains("system", "pack.load", "pack:");
        assertThat(lines).hasSize(5);

        CliRun filtered = run("", "audit", "--action", "user.", "--since", "2000-01-01", "--limit", "1");
        assertThat(filtered.out().lines().skip(1).toList()).singleElement().asString().contains("user.disable");
    }

    @Test
    void writesCsvWithFormulasNeutralised() {
        CliRun csv = run("", "audit", "--format", "csv");
        assertThat(csv.code()).as(csv.err()).isEqualTo(Main.OK);
        List<String> lines = csv.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("seq,at,actor,action,target,before,after,prev_hash,entry_hash");
        assertThat(lines.get(1)).startsWith("4,").contains(",\"'=HYPERLINK(\"\"http://x\"\")\",request.denied,");
        assertThat(lines.get(2)).matches("3,\\S+Z,cli:\\S+,user\\.disable,user:cmd\\.ana,\"\\{\"\"enabled\"\":true\\}\",.*,[0-9a-f]{64},[0-9a-f]{64}");
        assertThat(lines).hasSize(5);
    }

    @Test
    void writesJsonWithBeforeAndAfterAsObjects() throws Exception {
        CliRun json = run("", "audit", "--format", "json", "--user", "system");
        assertThat(json.code()).as(json.err()).isEqualTo(Main.OK);
        JsonNode entries = Json.mapper().readTree(json.out());
        assertThat(entries.size()).isEqualTo(1);
        JsonNode load = entries.get(0);
        assertThat(load.get("seq").asLong()).isEqualTo(1);
        assertThat(load.get("action").asText()).isEqualTo("pack.load");
        assertThat(load.get("after").get("digest").asText()).matches("[0-9a-f]{64}");
        assertThat(load.get("before").isNull()).isTrue();
        assertThat(load.get("prev_hash").asText()).isEqualTo("0".repeat(64));
        assertThat(load.get("at").asText()).endsWith("Z");
    }

    @Test
    void verifyPrintsTheHeadThatExpectTakes() throws Exception {
        CliRun verify = run("", "audit", "verify");
        assertThat(verify.code()).as(verify.all()).isEqualTo(Main.OK);
        Matcher intact = INTACT.matcher(verify.out());
        assertThat(intact.matches()).as(verify.out()).isTrue();
        assertThat(intact.group(1)).isEqualTo("4");
        String head = intact.group(2);
        assertThat(head).isEqualTo("4:" + AuditChains.hashOf(database, 4));

        CliRun expected = run("", "audit", "verify", "--expect", head);
        assertThat(expected.code()).as(expected.all()).isEqualTo(Main.OK);
        assertThat(expected.out()).endsWith("it still holds the noted head " + head + "\n");

        CliRun rewritten = run("", "audit", "verify", "--expect", "3:" + "0".repeat(64));
        assertThat(rewritten.code()).isEqualTo(Main.REJECTED);
        assertThat(rewritten.out()).startsWith("audit trail BROKEN at entry 3: entry 3's hash is ");
        CliRun beyond = run("", "audit", "verify", "--expect", "9:" + "0".repeat(64));
        assertThat(beyond.code()).isEqualTo(Main.REJECTED);
        assertThat(beyond.out()).startsWith("audit trail BROKEN at entry 5: the chain ends at entry 4, before the noted head 9");
    }

    @Test
    void verifyExitsOneOnATamperedTrail() throws Exception {
        AuditChains.execute(database, "UPDATE audit_entry SET target = 'user:someone' WHERE seq = 2");
        try {
            CliRun tampered = run("", "audit", "verify");
            assertThat(tampered.code()).isEqualTo(Main.REJECTED);
            assertThat(tampered.out()).startsWith("audit trail BROKEN at entry 2: entry 2 was edited: its hash ")
                    .contains("1 entry intact before it; head 4:");
        } finally {
            AuditChains.execute(database, "UPDATE audit_entry SET target = 'user:cmd.ana' WHERE seq = 2");
        }
        assertThat(run("", "audit", "verify").code()).isEqualTo(Main.OK);
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(run("", "audit", "verify", "--expect", "latest").code()).isEqualTo(Main.USAGE);
        assertThat(run("", "audit", "--since", "last week").code()).isEqualTo(Main.USAGE);
        assertThat(run("", "audit", "--action", "user%").code()).isEqualTo(Main.USAGE);
        assertThat(run("", "audit", "--format", "xml").code()).isEqualTo(Main.USAGE);
        assertThat(run("", "audit", "--limit", "0").code()).isEqualTo(Main.USAGE);
    }
}
