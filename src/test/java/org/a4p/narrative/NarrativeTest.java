package org.a4p.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.a4p.access.Role;
import org.a4p.app.App;
import org.a4p.app.Failure;
import org.a4p.app.Outcome;
import org.a4p.i18n.Language;
import org.a4p.support.Fixtures;
import org.a4p.workflow.Actor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Narratives on H2 and PostgreSQL: every save a new version, the latest read back, the history kept, writers checked. */
@ParameterizedClass(name = "{0}")
@MethodSource("org.a4p.testing.Databases#databases")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NarrativeTest {
    static final Actor ANALYST = new Actor("ana", Role.ANALYST, List.of());

    @Parameter
    String url;

    App app;
    WriteNarrative write;
    ReadNarrative read;

    @BeforeParameterizedClassInvocation
    void open() {
        app = Fixtures.app(url);
        write = new WriteNarrative(app.pack(), app.database().jdbi(), app.audit(), app.clock());
        read = new ReadNarrative(app.pack(), app.database().jdbi());
    }

    @AfterParameterizedClassInvocation
    void close() {
        app.close();
    }

    private Narrative saved(Actor actor, String priority, int year, Language language, String text) {
        Outcome<Narrative> outcome = write.run(new WriteNarrative.Request(actor, priority, year, language, text));
        assertThat(outcome).as("saving %s %d %s", priority, year, language).isInstanceOf(Outcome.Ok.class);
        return ((Outcome.Ok<Narrative>) outcome).value();
    }

    private static Failure failure(Outcome<?> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Failed.class);
        return ((Outcome.Failed<?>) outcome).failure();
    }

    @Test
    void keepsEverySaveAsANewVersionAndReadsTheLatest() throws Exception {
        long auditBefore = Fixtures.count(app, "SELECT COUNT(*) FROM audit_entry WHERE action = 'narrative.write'");
        Narrative first = saved(ANALYST, "P4", 2020, Language.EN, "Fewer peacekeepers died.");
        Narrative second = saved(Actor.operator("cli-user"), "P4", 2020, Language.EN, "  Fewer peacekeepers died\r\nfrom malicious acts.  ");
        Narrative french = saved(new Actor("root", Role.ADMIN, List.of()), "P4", 2020, Language.FR, "Moins de décès « en 2020 ».");

        assertThat(List.of(first.version(), second.version(), french.version())).containsExactly(1, 2, 1);
        assertThat(second.text()).isEqualTo("Fewer peacekeepers died\nfrom malicious acts.");
        assertThat(read.latest("P4", 2020, Language.EN)).contains(second);
        assertThat(read.latest("P4", 2020, Language.FR)).contains(french);
        assertThat(read.latest("P4", 2019, Language.EN)).isEmpty();
        assertThat(read.latestOfYear(2020, Language.EN)).containsOnlyKeys("P4").containsEntry("P4", second);

        List<Narrative> history = ((Outcome.Ok<List<Narrative>>) read.history("P4", 2020)).value();
        assertThat(history).filteredOn(n -> n.language() == Language.EN).containsExactly(second, first);
        assertThat(history).hasSize(3).contains(french);
        assertThat(history).extracting(Narrative::author).containsExactlyInAnyOrder("ana", "cli-user", "root");
        assertThat(Fixtures.count(app, "SELECT COUNT(*) FROM audit_entry WHERE action = 'narrative.write'")).isEqualTo(auditBefore + 3);
        assertThat(Fixtures.count(app, "SELECT COUNT(*) FROM narrative_version WHERE priority_id = 'P4' AND period_year = 2020"))
                .isEqualTo(3);
    }

    @Test
    void refusesWritersOtherThanAnalystsAdminsAndTheOperator() {
        for (Actor actor : List.of(new Actor("mo", Role.MISSION_OFFICER, List.of("MINUSCA")), new Actor("del", Role.DELEGATE, List.of()),
                new Actor("co", Role.CONDUCT_OFFICER, List.of()))) {
            Failure refused = failure(write.run(new WriteNarrative.Request(actor, "P1", 2021, Language.EN, "Text")));
            assertThat(refused.kind()).isEqualTo(Failure.Kind.FORBIDDEN);
            assertThat(refused.message()).contains(actor.role().code()).contains("analysts and admins");
        }
        assertThat(read.latest("P1", 2021, Language.EN)).isEmpty();
    }

    @Test
    void refusesUnknownPrioritiesImpossibleYearsAndEmptyOrControlText() {
        assertThat(failure(write.run(new WriteNarrative.Request(ANALYST, "P9", 2020, Language.EN, "x"))).message())
                .contains("unknown priority 'P9'").contains("P1", "WPS", "DATA");
        assertThat(failure(write.run(new WriteNarrative.Request(ANALYST, "P1", 1900, Language.EN, "x"))).message())
                .contains("got 1900");
        assertThat(failure(write.run(new WriteNarrative.Request(ANALYST, "P1", 2020, Language.EN, "  \n "))).message())
                .contains("empty");
        assertThat(failure(write.run(new WriteNarrative.Request(ANALYST, "P1", 2020, Language.EN, "a\u0000b"))).message())
                .contains("control characters");
        assertThat(failure(write.run(new WriteNarrative.Request(ANALYST, "P1", 2020, Language.EN,
                "x".repeat(WriteNarrative.MAX_CHARACTERS + 1)))).message()).contains("at most 20000");
        assertThat(failure(read.history("P9", 2020)).kind()).isEqualTo(Failure.Kind.INVALID);
    }
}
