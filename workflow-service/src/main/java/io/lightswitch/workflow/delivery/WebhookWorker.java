package io.lightswitch.workflow.delivery;

import io.lightswitch.workflow.config.WorkflowConfig;
import io.lightswitch.workflow.domain.WorkflowMetrics;
import io.lightswitch.workflow.domain.execution.ActionTypes;
import io.lightswitch.workflow.domain.webhook.RetryPolicy;
import io.lightswitch.workflow.persistence.ExecutionRow;
import io.lightswitch.workflow.persistence.WebhookDeliveryStore.Attempt;
import io.lightswitch.workflow.persistence.WebhookDeliveryStore.Claimed;
import io.lightswitch.workflow.persistence.WebhookDeliveryStore;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Sends queued webhook calls with the JDK's asynchronous HTTP client (no thread waits on a receiver), and
 * records each attempt on the delivery and its execution. Retries follow {@link RetryPolicy}. Runs when an
 * incident queued a call ({@link #kick}), when a short retry falls due, and every second; replicas share the
 * queue through claims with SKIP LOCKED and a lease, so each attempt is made by one of them.
 */
@ApplicationScoped
public class WebhookWorker {

    private static final Logger LOG = Logger.getLogger(WebhookWorker.class);
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(20);
    private static final String USER_AGENT = "Lightswitch-Workflow/1";

    private final Pool pool;
    private final WebhookDeliveryStore deliveries;
    private final WorkflowMetrics metrics;
    private final Vertx vertx;
    private final int batchSize;
    private final Duration requestTimeout;
    private final int maxResponseChars;
    private final HttpClient client;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();

    public WebhookWorker(Pool pool, WebhookDeliveryStore deliveries, WorkflowMetrics metrics, Vertx vertx,
                         WorkflowConfig config) {
        this.pool = pool;
        this.deliveries = deliveries;
        this.metrics = metrics;
        this.vertx = vertx;
        this.batchSize = config.webhooks().batchSize();
        this.requestTimeout = config.webhooks().requestTimeout();
        this.maxResponseChars = config.webhooks().maxResponseChars();
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(requestTimeout)
                .build();
    }

    /** Asks for a pass soon; cheap and safe to call from any thread. */
    public void kick() {
        requested.set(true);
        if (running.compareAndSet(false, true)) {
            drain();
        }
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        kick();
    }

    private void drain() {
        requested.set(false);
        deliveries.claim(pool, batchSize, requestTimeout.plus(LEASE_MARGIN))
                .chain(claimed -> claimed.isEmpty() ? Uni.createFrom().item(0)
                        : Uni.join().all(claimed.stream().map(this::attempt).toList()).andCollectFailures()
                        .onFailure().invoke(e -> LOG.warnf(e, "recording webhook attempts failed; the lease makes"
                                + " them again"))
                        .onFailure().recoverWithNull()
                        .replaceWith(claimed.size()))
                .subscribe().with(claimed -> {
                    running.set(false);
                    if (claimed == batchSize || requested.get()) {
                        kick();
                    }
                }, failure -> {
                    running.set(false);
                    LOG.debugf(failure, "claiming webhook deliveries failed; retrying on the next pass");
                });
    }

    private Uni<Void> attempt(Claimed delivery) {
        long started = System.nanoTime();
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        Uni<Attempt> attempt;
        try {
            HttpRequest request = request(delivery);
            attempt = Uni.createFrom()
                    .completionStage(() -> client.sendAsync(request, keepingAtMost(kept, maxResponseChars)))
                    .map(response -> outcome(delivery, response.statusCode(), null,
                            kept.toString(StandardCharsets.UTF_8), started))
                    .onFailure().recoverWithItem(e -> outcome(delivery, null, describe(e), null, started));
        } catch (IllegalArgumentException e) {
            // a request the client refuses to build will never be sent: record it as failed at once
            attempt = Uni.createFrom().item(new Attempt(Instant.now(), null, "cannot send: " + e.getMessage(), null,
                    0, ExecutionRow.FAILED, null));
        }
        return attempt.chain(result -> pool.withTransaction(connection -> deliveries.record(connection, delivery,
                        result))
                .invoke(recorded -> {
                    if (recorded) {
                        afterRecording(result);
                    }
                })
                .replaceWithVoid());
    }

    private void afterRecording(Attempt result) {
        String outcome = ExecutionRow.PENDING.equals(result.outcome()) ? "retry" : result.outcome();
        metrics.webhookAttempt(outcome, Duration.ofMillis(result.durationMs()));
        if (!ExecutionRow.PENDING.equals(result.outcome())) {
            metrics.action(ActionTypes.CALL_WEBHOOK, result.outcome());
            return;
        }
        long delay = Duration.between(Instant.now(), result.nextAttempt()).toMillis();
        // the poll runs every second; a sooner retry gets a timer of its own
        if (delay < 1000) {
            vertx.setTimer(Math.max(1, delay), id -> kick());
        }
    }

    private HttpRequest request(Claimed delivery) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(delivery.url()))
                .timeout(requestTimeout)
                .method(delivery.method(), HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8))
                .header("User-Agent", USER_AGENT);
        delivery.headers().forEach(builder::setHeader);
        return builder.build();
    }

    private Attempt outcome(Claimed delivery, Integer status, String error, String response, long started) {
        long took = Duration.ofNanos(System.nanoTime() - started).toMillis();
        Instant now = Instant.now();
        if (status != null && RetryPolicy.isSuccess(status)) {
            return new Attempt(now, status, null, response, took, ExecutionRow.DELIVERED, null);
        }
        String detail = error != null ? error : "the receiver answered " + status;
        Optional<Duration> wait = RetryPolicy.of(delivery.maxAttempts(), delivery.initialBackoff())
                .nextDelay(delivery.attempt(), status, ThreadLocalRandom.current().nextDouble());
        return wait.map(delay -> new Attempt(now, status, detail, response, took, ExecutionRow.PENDING, now.plus(delay)))
                .orElseGet(() -> new Attempt(now, status, detail, response, took, ExecutionRow.FAILED, null));
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** Keeps the first {@code limit} bytes of a response and drops the rest as it streams in. */
    private static HttpResponse.BodyHandler<Void> keepingAtMost(ByteArrayOutputStream kept, int limit) {
        return HttpResponse.BodyHandlers.ofByteArrayConsumer(chunk -> chunk.ifPresent(bytes -> {
            int room = limit - kept.size();
            if (room > 0) {
                kept.write(bytes, 0, Math.min(room, bytes.length));
            }
        }));
    }
}
