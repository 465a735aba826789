package io.skilldesigner.engine.export;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * POSTs JSON bodies with the JDK's HttpClient: a timeout per attempt, retries with exponential backoff on
 * connection errors, timeouts, 5xx, 408 and 429 (other 4xx are the request's fault and are not retried).
 * Errors name the URL without its query string, which may hold a token; the auth header value is never shown.
 */
final class HttpPoster {
    /** @param authValue sent in the header {@code authHeader} when not empty */
    record Config(URI url, Duration timeout, int retries, Duration backoff, String authHeader, String authValue) {
        @Override
        public String toString() {
            return "HttpPoster.Config[" + HttpPoster.safe(url) + ", timeout " + timeout + ", retries " + retries + "]";
        }
    }

    private final Config config;
    private final HttpClient client;

    HttpPoster(Config config) {
        this.config = config;
        this.client = HttpClient.newBuilder().connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    void post(String json) throws IOException, InterruptedException {
        HttpRequest.Builder rb = HttpRequest.newBuilder(config.url()).timeout(config.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (!config.authValue().isEmpty()) {
            rb.header(config.authHeader(), config.authValue());
        }
        HttpRequest request = rb.build();
        IOException last = null;
        for (int attempt = 0; attempt <= config.retries(); attempt++) {
            if (attempt > 0) {
                Thread.sleep(Math.min(config.backoff().toMillis() << (attempt - 1), 10_000));
            }
            try {
                HttpResponse<Void> r = client.send(request, HttpResponse.BodyHandlers.discarding());
                int code = r.statusCode();
                if (code >= 200 && code < 300) {
                    return;
                }
                last = new IOException("HTTP " + code + " from " + safe(config.url()));
                if (code < 500 && code != 408 && code != 429) {
                    throw last;
                }
            } catch (java.net.http.HttpTimeoutException e) {
                last = new IOException("no answer within " + config.timeout().toMillis() + " ms from "
                        + safe(config.url()), e);
            } catch (java.net.ConnectException e) {
                last = new IOException("cannot connect to " + safe(config.url()), e);
            } catch (IOException e) {
                if (e == last) {
                    throw e;
                }
                last = new IOException("POST to " + safe(config.url()) + " failed: " + e.getMessage(), e);
            }
        }
        throw new IOException(last.getMessage() + " (after " + (config.retries() + 1) + " attempts)", last);
    }

    /** The URL without user info and query (they may carry credentials). */
    static String safe(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + (url.getRawPath() == null ? "" : url.getRawPath());
    }
}
