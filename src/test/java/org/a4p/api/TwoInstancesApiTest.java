package org.a4p.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.a4p.access.Role;
import org.a4p.testing.Databases;
import org.junit.jupiter.api.Test;

/**
 * Two app instances on one PostgreSQL database, as production runs them behind a load balancer:
 * a session begun on one works on the other, CSRF token included, and ends on both at sign-out.
 */
class TwoInstancesApiTest {

    @Test
    void aSessionBegunOnOneInstanceWorksOnTheOtherAndEndsOnBoth() {
        String url = Databases.postgresUrl();
        try (ApiFixture first = new ApiFixture(url); ApiFixture second = new ApiFixture(url)) {
            assertThat(second.server.url()).isNotEqualTo(first.server.url());
            first.addUser("shared-admin", Role.ADMIN);
            ApiClient.Session session = first.signIn("shared-admin");
            assertThat(second.client.get("/api/v1/session", session).body()).contains("\"name\":\"shared-admin\"", session.csrfToken());
            // The CSRF token is derived from the session id: the other instance checks it without any state of its own.
            assertThat(second.client.send("POST", "/api/v1/users/ghost/unlock", session, null).statusCode()).isEqualTo(404);
            assertThat(second.client.send("POST", "/api/v1/users/ghost/unlock", session.withoutCsrf(), null).statusCode()).isEqualTo(403);
            assertThat(first.client.send("DELETE", "/api/v1/session", session, null).statusCode()).isEqualTo(204);
            assertThat(second.client.get("/api/v1/session", session).statusCode()).isEqualTo(401);
            assertThat(first.client.get("/api/v1/session", session).statusCode()).isEqualTo(401);
        }
    }
}
