package io.lightswitch.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The HTTP calls the scenario makes: flag-service's admin API and OFREP, analytics-service's and
 * workflow-service's query APIs, all as plain JSON over the JDK client.
 */
final class PlatformClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** What OFREP served one user. */
    record Evaluation(String variant, String reason) {
    }

    /** A non-2xx answer, with its body (problem+json or OFREP's error shape). */
    static final class ApiException extends RuntimeException {
        ApiException(String what, int status, String body) {
            super(what + " answered " + status + ": " + body);
        }
    }

    private final Endpoints endpoints;
    private final HttpClient http;

    PlatformClient(Endpoints endpoints, Executor executor) {
        this.endpoints = endpoints;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3)).executor(executor).build();
    }

    Endpoints endpoints() {
        return endpoints;
    }

    // ---- flag-service admin API

    /** Creates a project with one environment; returns that environment's keys by kind (shown only here). */
    JsonNode createProject(String project, String environment) {
        ObjectNode body = JSON.createObjectNode().put("key", project).put("name", "Lightswitch scenario " + project);
        body.putArray("environments").add(environment);
        JsonNode created = admin("POST", endpoints.flagService(), "/api/v1/projects", body, null);
        for (JsonNode env : created.path("environments")) {
            if (environment.equals(env.path("key").asText())) {
                return env.path("keys");
            }
        }
        throw new IllegalStateException("project answer without environment " + environment + ": " + created);
    }

    static String secret(JsonNode keys, String kind) {
        for (JsonNode key : keys) {
            if (kind.equals(key.path("kind").asText())) {
                return key.path("secret").asText();
            }
        }
        throw new IllegalStateException("no " + kind + " key in " + keys);
    }

    void createSegment(String project, String key, String name, String attribute, String operator, String value) {
        ObjectNode body = JSON.createObjectNode().put("key", key).put("name", name);
        ObjectNode condition = body.putArray("conditions").addObject().put("attribute", attribute)
                .put("operator", operator);
        condition.putArray("values").add(value);
        admin("POST", endpoints.flagService(), "/api/v1/projects/" + project + "/segments", body, null);
    }

    JsonNode createBooleanFlag(String project, String flag, String name) {
        ObjectNode body = JSON.createObjectNode().put("key", flag).put("name", name).put("type", "boolean")
                .put("clientVisible", true);
        body.putArray("tags").add("ui");
        return admin("POST", endpoints.flagService(), "/api/v1/projects/" + project + "/flags", body, null);
    }

    JsonNode replaceState(String project, String flag, String environment, ObjectNode state, String reason) {
        return admin("PUT", endpoints.flagService(), statePath(project, flag, environment), state, reason);
    }

    JsonNode setRollout(String project, String flag, String environment, String variant, int percent,
                        String otherVariant, String reason) {
        ObjectNode body = JSON.createObjectNode().put("reason", reason);
        body.putArray("split").add(JSON.createObjectNode().put("variant", variant).put("weight", percent))
                .add(JSON.createObjectNode().put("variant", otherVariant).put("weight", 100 - percent));
        return admin("PUT", endpoints.flagService(), statePath(project, flag, environment) + "/rollout", body, null);
    }

    JsonNode flagState(String project, String flag, String environment) {
        return admin("GET", endpoints.flagService(), statePath(project, flag, environment), null, null);
    }

    JsonNode audit(String project, String flag) {
        return admin("GET", endpoints.flagService(), "/api/v1/projects/" + project + "/audit?flag=" + enc(flag),
                null, null);
    }

    private static String statePath(String project, String flag, String environment) {
        return "/api/v1/projects/" + project + "/flags/" + flag + "/environments/" + environment;
    }

    // ---- OFREP

    CompletableFuture<Evaluation> evaluate(String serverKey, String flag, ScenarioUser user) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("context").put("targetingKey", user.id()).put("email", user.email());
        HttpRequest request = HttpRequest.newBuilder(endpoints.flagService().resolve("/ofrep/v1/evaluate/flags/"
                        + enc(flag)))
                .timeout(TIMEOUT).header("Authorization", "Bearer " + serverKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            JsonNode answer = read("OFREP", response);
            return new Evaluation(answer.path("variant").asText(null), answer.path("reason").asText(null));
        });
    }

    // ---- ingest-service

    /** Status of an empty OTLP/HTTP export with the key: 200 once ingest-service knows the key. */
    int probeIngest(String ingestKey) {
        HttpRequest request = HttpRequest.newBuilder(endpoints.ingest().resolve("/v1/traces")).timeout(TIMEOUT)
                .header("x-lightswitch-key", ingestKey).header("Content-Type", "application/x-protobuf")
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    // ---- analytics-service and workflow-service

    JsonNode impact(String project, String environment, String flag, String window) {
        return admin("GET", endpoints.analytics(), "/api/v1/projects/" + project + "/environments/" + environment
                + "/flags/" + flag + "/impact?window=" + window, null, null);
    }

    JsonNode adoption(String project, String environment, String flag, String window) {
        return admin("GET", endpoints.analytics(), "/api/v1/projects/" + project + "/environments/" + environment
                + "/flags/" + flag + "/adoption?window=" + window, null, null);
    }

    JsonNode incidents(String project, String flag) {
        return admin("GET", endpoints.workflow(), "/api/v1/projects/" + project + "/incidents?flag=" + enc(flag),
                null, null);
    }

    JsonNode rules(String project, String environment) {
        return admin("GET", endpoints.workflow(), "/api/v1/projects/" + project + "/environments/" + environment
                + "/rules", null, null);
    }

    private JsonNode admin(String method, URI base, String path, JsonNode body, String reason) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + endpoints.adminToken()).header("Accept", "application/json");
        if (reason != null) {
            builder.header("X-Change-Reason", reason);
        }
        if (body != null) {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return read(method + " " + base.resolve(path), http.send(builder.build(),
                    HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + base.resolve(path) + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode read(String what, HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new ApiException(what, response.statusCode(), response.body());
        }
        try {
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(what + " answered unreadable JSON", e);
        }
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
