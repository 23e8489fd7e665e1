package io.lightswitch.ingest.access;

import com.fasterxml.jackson.core.type.TypeReference;
import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.ingest.config.IngestConfig;
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
 * Loads the current key hashes from flag-service at start, and keeps trying in the background while
 * flag-service is not reachable, so ingest-service can start first. Credential events keep them current
 * afterwards.
 */
@ApplicationScoped
public class CredentialBootstrap {

    private static final Logger LOG = Logger.getLogger(CredentialBootstrap.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final TypeReference<List<IngestKeys.Key>> KEYS = new TypeReference<>() {
    };

    private final IngestKeys keys;
    private final Vertx vertx;
    private final URI source;
    private final String token;
    private final long retryMillis;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    private volatile boolean stopped;
    private int failures;

    public CredentialBootstrap(IngestKeys keys, Vertx vertx, IngestConfig config) {
        this.keys = keys;
        this.vertx = vertx;
        this.source = URI.create(config.flagService().url().replaceAll("/+$", "") + "/api/v1/credentials");
        this.token = config.flagService().token();
        this.retryMillis = Math.max(1, config.flagService().retryInterval().toMillis());
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
                    List<IngestKeys.Key> active = MessageCodec.mapper().readValue(response.body(), KEYS);
                    keys.load(active);
                    LOG.infof("loaded %d ingest keys from %s", keys.size(), source);
                }
            } catch (Exception e) {
                retry("unreadable credential list: " + e.getMessage());
            }
        });
    }

    private void retry(String why) {
        if (failures++ == 0) {
            LOG.warnf("cannot load ingest keys from %s (%s); retrying every %d ms", source, why, retryMillis);
        } else {
            LOG.debugf("cannot load ingest keys from %s: %s", source, why);
        }
        if (!stopped) {
            vertx.setTimer(retryMillis, id -> attempt());
        }
    }
}
