package org.a4p.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.a4p.app.Json;
import org.a4p.web.CsrfTokens;
import org.a4p.web.SessionCookie;

/**
 * Real HTTP to the API over loopback, with credentials handled by hand (no cookie jar), so a test
 * can present an old cookie, leave out the CSRF header or read the Set-Cookie attributes.
 */
final class ApiClient {
    /** What a request presents: nothing, an API token, or a session cookie (with its CSRF token, or null to leave it out). */
    sealed interface Credentials {}

    record Anonymous() implements Credentials {}

    record Bearer(String token) implements Credentials {
        @Override
        public String toString() {
            return "Bearer[(withheld)]";
        }
    }

    record Session(String sessionId, String csrfToken) implements Credentials {
        Session withoutCsrf() {
            return new Session(sessionId, null);
        }

        Session withCsrf(String token) {
            return new Session(sessionId, token);
        }

        @Override
        public String toString() {
            return "Session[(withheld)]";
        }
    }

    static final Credentials ANONYMOUS = new Anonymous();

    /** A request body and its media type. */
    record Body(String contentType, byte[] bytes) {
        static Body json(String json) {
            return new Body("application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        /** A multipart/form-data body with one file part named {@code file}. */
        static Body file(String fileName, String content) {
            String boundary = "a4p-test-boundary-7d1f";
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: text/csv\r\n\r\n";
            out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content.getBytes(StandardCharsets.UTF_8));
            out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return new Body("multipart/form-data; boundary=" + boundary, out.toByteArray());
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    ApiClient(String base) {
        this.base = base;
    }

    HttpResponse<String> get(String path, Credentials credentials) {
        return send("GET", path, credentials, null);
    }

    HttpResponse<String> send(String method, String path, Credentials credentials, Body body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        if (body != null) {
            request.header("Content-Type", body.contentType());
        }
        if (credentials instanceof Bearer bearer) {
            request.header("Authorization", "Bearer " + bearer.token());
        } else if (credentials instanceof Session cookie) {
            request.header("Cookie", SessionCookie.NAME + "=" + cookie.sessionId());
            if (cookie.csrfToken() != null) {
                request.header(CsrfTokens.HEADER, cookie.csrfToken());
            }
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Signs in over HTTP; fails the test unless it answers 201. {@code previous} is the cookie the browser held, or null. */
    Session signIn(String name, String password, Session previous) {
        HttpResponse<String> response = send("POST", "/api/v1/session", previous == null ? ANONYMOUS : previous.withoutCsrf(),
                Body.json("{\"username\":\"" + name + "\",\"password\":\"" + password + "\"}"));
        if (response.statusCode() != 201) {
            throw new AssertionError("sign-in of " + name + " answered " + response.statusCode() + ": " + response.body());
        }
        return new Session(sessionCookie(response).orElseThrow(), json(response).get("csrf_token").asText());
    }

    Session signIn(String name, String password) {
        return signIn(name, password, null);
    }

    /** The session id a response sets, if it sets one with a value. */
    static Optional<String> sessionCookie(HttpResponse<String> response) {
        return setCookie(response).map(header -> header.substring(header.indexOf('=') + 1, header.indexOf(';') < 0 ? header.length()
                : header.indexOf(';'))).filter(value -> !value.isEmpty());
    }

    /** The whole Set-Cookie header of the session cookie, attributes included. */
    static Optional<String> setCookie(HttpResponse<String> response) {
        List<String> cookies = response.headers().allValues("Set-Cookie");
        return cookies.stream().filter(header -> header.startsWith(SessionCookie.NAME + "=")).findFirst();
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
