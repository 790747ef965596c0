package org.a4p.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * An RFC 9457 problem document ({@code application/problem+json}). {@code type} is
 * {@code about:blank} when the status says it all, else a {@code urn:a4p:problem:} name.
 */
@JsonInclude(Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
record Problem(String type, String title, int status, String detail, String instance,
               @JsonInclude(Include.NON_EMPTY) List<ProblemError> errors) {
    static final String MEDIA_TYPE = "application/problem+json";
    static final String BLANK = "about:blank";

    Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
