package io.lightswitch.workflow.domain.reaction;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightswitch.access.AccessConfig;
import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.workflow.config.WorkflowConfig;
import io.lightswitch.workflow.domain.rule.FlagSelector;
import io.lightswitch.workflow.domain.rule.Rule;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * The tags of a flag, for tag-scoped rules. Neither verdicts nor flag changes carry them, so they are read
 * from flag-service ({@code GET /api/v1/projects/{project}/flags/{flag}}) and kept for a while; while
 * flag-service does not answer, the last known tags are used however old. Empty when they were never known:
 * the caller then leaves its tag-scoped rules out rather than stall every other rule.
 */
@ApplicationScoped
public class FlagTags {

    private static final Logger LOG = Logger.getLogger(FlagTags.class);

    private final HttpClient client;
    private final String baseUrl;
    private final String token;
    private final Duration ttl;
    private final Duration timeout;
    private final Map<String, Known> cache = new ConcurrentHashMap<>();

    private record Known(Set<String> tags, long fetchedAtNanos) {
    }

    public FlagTags(AccessConfig.FlagService flagService, WorkflowConfig config) {
        this.baseUrl = flagService.url().replaceAll("/+$", "");
        this.token = flagService.token();
        this.ttl = config.flagTags().ttl();
        this.timeout = config.flagTags().requestTimeout();
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public static boolean tagScoped(Rule rule) {
        return rule.scope().flags() instanceof FlagSelector.ByTag;
    }

    /** The flag's tags if one of the rules is tag-scoped (else no tags); empty when they cannot be known now. */
    public Uni<Optional<Set<String>>> forRules(List<Rule> rules, String project, String flagKey) {
        if (rules.stream().noneMatch(FlagTags::tagScoped)) {
            return Uni.createFrom().item(Optional.of(Set.of()));
        }
        return of(project, flagKey);
    }

    private Uni<Optional<Set<String>>> of(String project, String flagKey) {
        String key = project + "\u001f" + flagKey;
        Known known = cache.get(key);
        if (known != null && System.nanoTime() - known.fetchedAtNanos() < ttl.toNanos()) {
            return Uni.createFrom().item(Optional.of(known.tags()));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/projects/" + segment(project)
                        + "/flags/" + segment(flagKey)))
                .timeout(timeout).header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .GET().build();
        Executor caller = callerContext();
        return Uni.createFrom().completionStage(() -> client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()))
                .map(response -> {
                    Set<String> tags = tags(response);
                    cache.put(key, new Known(tags, System.nanoTime()));
                    return Optional.of(tags);
                })
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("cannot read the tags of %s/%s from flag-service (%s)%s", project, flagKey,
                            e.getMessage(), known == null ? "" : "; using the last known ones");
                    return known == null ? Optional.<Set<String>>empty() : Optional.of(known.tags());
                })
                .emitOn(caller);
    }

    private static Set<String> tags(HttpResponse<byte[]> response) {
        if (response.statusCode() == 404) {
            return Set.of();
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("flag-service answered " + response.statusCode());
        }
        try {
            Set<String> tags = new LinkedHashSet<>();
            for (JsonNode tag : MessageCodec.mapper().readTree(response.body()).path("tags")) {
                tags.add(tag.asText());
            }
            return Set.copyOf(tags);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable flag from flag-service", e);
        }
    }

    /** The HTTP client completes on its own threads; the caller's transaction continues on its Vert.x context. */
    private static Executor callerContext() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
