package org.a4p.web;

import java.time.Duration;

/**
 * Where the server listens and how long a stop waits for requests in flight. Port 0 picks a free
 * port (tests). {@code trustForwardedProto}: the server sits behind a reverse proxy that terminates
 * TLS and sets {@code X-Forwarded-Proto}, so that header, and not the plain connection from the
 * proxy, says whether the browser's request came over HTTPS (the session cookie is then
 * {@code Secure}). Off by default: without a proxy any client could set it. {@code metricsToken}: the
 * bearer token {@code GET /metrics} asks of a scraper; null leaves it open to whoever reaches the port.
 */
public record ServerSettings(String host, int port, Duration stopTimeout, boolean trustForwardedProto, String metricsToken) {
    public static final String LOOPBACK = "127.0.0.1";
    public static final int DEFAULT_PORT = 7070;
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(30);

    public ServerSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + ": expected 0 to 65535");
        }
    }

    public ServerSettings(String host, int port, Duration stopTimeout) {
        this(host, port, stopTimeout, false, null);
    }

    public static ServerSettings loopback(int port) {
        return new ServerSettings(LOOPBACK, port, DEFAULT_STOP_TIMEOUT);
    }

    public ServerSettings trustingForwardedProto() {
        return new ServerSettings(host, port, stopTimeout, true, metricsToken);
    }

    /** {@code token} null or blank: /metrics open. */
    public ServerSettings withMetricsToken(String token) {
        return new ServerSettings(host, port, stopTimeout, trustForwardedProto, token == null || token.isBlank() ? null : token);
    }
}
