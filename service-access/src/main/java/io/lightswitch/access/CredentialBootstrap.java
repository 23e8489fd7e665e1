package io.lightswitch.access;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.core.type.TypeReference;
import io.lightswitch.contracts.MessageCodec;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Loads the active credential hashes from flag-service's {@code GET /api/v1/credentials} at start, and
 * keeps trying in the background while flag-service is unreachable, so the service can start first.
 * {@link CredentialEventConsumer} keeps them current afterwards.
 */
@ApplicationScoped
public class CredentialBootstrap {

    private static final Logger LOG = Logger.getLogger(CredentialBootstrap.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final TypeReference<List<Listed>> LIST = new TypeReference<>() {
    };

    private final AdminTokens tokens;
    private final Vertx vertx;
    private final URI source;
    private final String token;
    private final long retryMillis;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    private volatile boolean stopped;
    private int failures;

    /** One entry of flag-service's list; it names the id {@code id}, the events {@code credentialId}. */
    record Listed(@JsonAlias("id") String credentialId, String kind, String role, String keyHash) {
    }

    public CredentialBootstrap(AdminTokens tokens, Vertx vertx, AccessConfig.FlagService config) {
        this.tokens = tokens;
        this.vertx = vertx;
        this.source = URI.create(config.url().replaceAll("/+$", "") + "/api/v1/credentials");
        this.token = config.token();
        this.retryMillis = Math.max(1, config.retryInterval().toMillis());
    }

    void onStart(@Observes StartupEvent event) {
        attempt();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopped = true;
    }

    private void attempt() {
        if (stopped) {
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(source).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
        client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, failure) -> {
            try {
                if (failure != null) {
                    retry(failure.toString());
                } else if (response.statusCode() != 200) {
                    retry("flag-service answered " + response.statusCode());
                } else {
                    List<Listed> listed = MessageCodec.mapper().readValue(response.body(), LIST);
                    tokens.load(listed.stream().map(l ->
                            new AdminTokens.Credential(l.credentialId(), l.kind(), l.role(), l.keyHash())).toList());
                    LOG.infof("loaded %d admin tokens from %s", tokens.size(), source);
                }
            } catch (Exception e) {
                retry("unreadable credential list: " + e.getMessage());
            }
        });
    }

    private void retry(String why) {
        if (failures++ == 0) {
            LOG.warnf("cannot load admin tokens from %s (%s); retrying every %d ms", source, why, retryMillis);
        } else {
            LOG.debugf("cannot load admin tokens from %s: %s", source, why);
        }
        if (!stopped) {
            vertx.setTimer(retryMillis, id -> attempt());
        }
    }
}
