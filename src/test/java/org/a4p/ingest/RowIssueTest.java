package org.a4p.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RowIssueTest {

    @Test
    void aLongValueIsCutToItsStartAndLength() {
        String huge = "x".repeat(50_000_000);
        RowIssue issue = new RowIssue("f.csv", 3, "note", huge, "expected at most 4000 characters");
        assertThat(issue.value()).isEqualTo("x".repeat(RowIssue.SHOWN_CHARS) + "… (50,000,000 characters)");
        assertThat(issue.message()).hasSizeLessThan(250)
                .isEqualTo("f.csv row 3, column 'note': expected at most 4000 characters, got '"
                        + "x".repeat(RowIssue.SHOWN_CHARS) + "… (50,000,000 characters)'");
    }

    @Test
    void aShortValueAndTheWithheldMarkerStayAsTheyAre() {
        String exactly = "y".repeat(RowIssue.SHOWN_CHARS);
        assertThat(new RowIssue("f.csv", 2, "a", exactly, "expected x").value()).isEqualTo(exactly);
        RowIssue withheld = new RowIssue("f.csv", 2, "name", RowIssue.WITHHELD, "expected at most 4000 characters");
        assertThat(withheld.value()).isSameAs(RowIssue.WITHHELD);
        assertThat(withheld.message()).isEqualTo("f.csv row 2, column 'name': expected at most 4000 characters (value withheld: restricted field)");
        assertThat(new RowIssue("f.csv", 0, null, null, "the file is empty").value()).isNull();
    }

    @Test
    void theCutNeverSplitsACharacterOutsideTheBasicPlane() {
        String value = "a".repeat(RowIssue.SHOWN_CHARS - 1) + "\uD83D\uDE00" + "b".repeat(10);
        assertThat(new RowIssue("f.csv", 2, "a", value, "expected x").value())
                .isEqualTo("a".repeat(RowIssue.SHOWN_CHARS - 1) + "… (111 characters)");
    }
}
