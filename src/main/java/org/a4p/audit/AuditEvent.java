package org.a4p.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.regex.Pattern;
import org.a4p.app.Json;

/**
 * Something to put on the audit trail: who did what to which thing, and the thing's state before and
 * after (null where there is none, as before a creation). Never a password, token, session id or hash
 * in any of them: the trail is read by auditors, and kept for ever.
 *
 * @param actor  who acted: a user name, {@code cli:OS-USER}, or {@code system}
 * @param action dotted lower case, the feature first: {@code user.add}, {@code login.failure}, {@code submission.approve}
 * @param target what it acted on, such as {@code user:ana}, {@code submission:12}, {@code pack}
 */
public record AuditEvent(String actor, String action, String target, JsonNode before, JsonNode after) {
    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");

    public AuditEvent {
        require(actor != null && !actor.isBlank() && actor.length() <= 256, "an audit actor is 1 to 256 characters, got '" + actor + "'");
        require(action != null && action.length() <= 64 && ACTION.matcher(action).matches(),
                "an audit action is dotted lower case like user.add, at most 64 characters, got '" + action + "'");
        require(target != null && !target.isBlank() && target.length() <= 512, "an audit target is 1 to 512 characters, got '" + target + "'");
        before = before == null || before.isNull() ? null : before;
        after = after == null || after.isNull() ? null : after;
    }

    /** The same from maps (or any value Jackson writes as JSON), null for none. */
    public static AuditEvent of(String actor, String action, String target, Map<String, ?> before, Map<String, ?> after) {
        return new AuditEvent(actor, action, target, tree(before), tree(after));
    }

    private static JsonNode tree(Map<String, ?> value) {
        return value == null ? null : Json.mapper().valueToTree(value);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
