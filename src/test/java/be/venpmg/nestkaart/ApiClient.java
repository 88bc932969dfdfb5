package be.venpmg.nestkaart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A plain HTTP client for tests: real requests to the running server, JSON bodies parsed with Jackson. */
public final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;

    public ApiClient(URL base) {
        this.base = URI.create(base.toString());
    }

    public Response get(String path) {
        return get(path, null);
    }

    public Response get(String path, String authorization) {
        return send("GET", path, authorization, null);
    }

    public Response post(String path, String authorization, Object body) {
        return send("POST", path, authorization, body);
    }

    public Response put(String path, String authorization, Object body) {
        return send("PUT", path, authorization, body);
    }

    /** A request with an optional Authorization header and an optional JSON body (a String is sent as it is). */
    /** Approves a change as a reviewer does: the version just read, which is the one they saw. */
    public Response approve(Object changeId, String authorization, String note) {
        Response change = get("/api/v1/editor/changes/" + changeId, authorization);
        if (change.status() != 200) {
            return change;
        }
        java.util.Map<String, Object> body = new java.util.HashMap<>();
        body.put("version", change.json().get("version").asInt());
        if (note != null) {
            body.put("reason", note);
        }
        return post("/api/v1/editor/changes/" + changeId + "/approve", authorization, body);
    }

    public Response send(String method, String path, String authorization, Object body, String... headers) {
        try {
            String json = body == null ? null : body instanceof String text ? text : JSON.writeValueAsString(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).method(method,
                    json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            if (json != null && !java.util.Arrays.asList(headers).contains("Content-Type")) {
                request.header("Content-Type", "application/json");
            }
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            if (headers.length > 0) {
                request.headers(headers);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(),
                    response.headers().firstValue("content-type").orElse(""), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String contentType, String body, java.net.http.HttpHeaders headers) {

        /** The first value of a response header, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }
    }
}
