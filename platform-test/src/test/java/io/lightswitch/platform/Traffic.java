package io.lightswitch.platform;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The shop's web tier as seen by its telemetry: at a steady rate, a random user makes a request; the tier
 * asks flag-service (OFREP, server key) which variant of the flag that user gets, and the request becomes a
 * SERVER span exported with the OpenTelemetry SDK to ingest-service, carrying the evaluation as a
 * {@code feature_flag.evaluation} event and the user as {@code enduser.id}. While the regression is on,
 * the users served the treatment variant fail more often and wait longer.
 */
final class Traffic implements AutoCloseable {

    /** Error rate and latency of healthy requests, and what the regression adds for the treatment cohort. */
    record Profile(double baseErrorRate, double errorIncrease, double latencyIncrease, double medianLatencyMs,
                   Duration exportDelay) {
    }

    /** Requests and errors of the control and treatment cohorts over some period. */
    record Rates(long requests, long errors, long treatmentRequests, long treatmentErrors) {
        double errorRate() {
            return requests == 0 ? Double.NaN : (double) errors / requests;
        }

        double treatmentErrorRate() {
            return treatmentRequests == 0 ? Double.NaN : (double) treatmentErrors / treatmentRequests;
        }

        double controlErrorRate() {
            long n = requests - treatmentRequests;
            return n == 0 ? Double.NaN : (double) (errors - treatmentErrors) / n;
        }
    }

    private static final int MAX_IN_FLIGHT = 256;
    private static final long TICK_MICROS = 5_000;
    private static final AttributeKey<String> FLAG_KEY = AttributeKey.stringKey("feature_flag.key");
    private static final AttributeKey<String> FLAG_VARIANT = AttributeKey.stringKey("feature_flag.result.variant");
    private static final AttributeKey<String> FLAG_CONTEXT = AttributeKey.stringKey("feature_flag.context.id");
    private static final AttributeKey<String> FLAG_PROVIDER = AttributeKey.stringKey("feature_flag.provider.name");
    private static final List<String> ROUTES = List.of("/", "/products/{id}", "/cart");

    private final PlatformClient client;
    private final String serverKey;
    private final String flag;
    private final String treatment;
    private final List<ScenarioUser> users;
    private final Profile profile;
    private final SdkTracerProvider provider;
    private final Tracer tracer;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            r -> daemon(r, "traffic-ticker"));
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final Map<Long, Second> seconds = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> variantsSeen = new ConcurrentHashMap<>();
    private final Set<String> usersSeen = ConcurrentHashMap.newKeySet();
    private final AtomicLong issued = new AtomicLong();
    private final LongAdder skipped = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private volatile boolean regression;
    private volatile boolean tracking;
    private volatile String lastFailure;
    private volatile long startNanos;
    private volatile int rate;
    private boolean closed;

    Traffic(PlatformClient client, String ingestKey, String serverKey, String environment, String flag,
            String treatment, List<ScenarioUser> users, Profile profile) {
        this.client = client;
        this.serverKey = serverKey;
        this.flag = flag;
        this.treatment = treatment;
        this.users = users;
        this.profile = profile;
        OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder()
                .setEndpoint(client.endpoints().ingest().resolve("/v1/traces").toString())
                .addHeader("x-lightswitch-key", ingestKey)
                .setTimeout(Duration.ofSeconds(10))
                .build();
        this.provider = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(
                        AttributeKey.stringKey("service.name"), "shop-web",
                        AttributeKey.stringKey("deployment.environment.name"), environment))))
                .addSpanProcessor(BatchSpanProcessor.builder(exporter)
                        .setScheduleDelay(profile.exportDelay())
                        .setMaxQueueSize(100_000)
                        .setMaxExportBatchSize(2_000)
                        .build())
                .build();
        this.tracer = provider.get("io.lightswitch.platform.scenario");
    }

    /** Starts sending {@code requestsPerSecond} requests a second, evenly spread. */
    void start(int requestsPerSecond) {
        rate = requestsPerSecond;
        startNanos = System.nanoTime();
        ticker.scheduleAtFixedRate(this::tick, 0, TICK_MICROS, TimeUnit.MICROSECONDS);
    }

    /** From now on, the treatment cohort gets the extra errors and latency. */
    void startRegression() {
        regression = true;
    }

    /** From now on, every variant each user is served is remembered. */
    void trackVariants() {
        tracking = true;
    }

    Map<String, Set<String>> variantsSeen() {
        return variantsSeen;
    }

    /** Distinct users served since the traffic started. */
    int usersSeen() {
        return usersSeen.size();
    }

    Rates rates(Instant from, Instant to) {
        long requests = 0;
        long errors = 0;
        long treatmentRequests = 0;
        long treatmentErrors = 0;
        for (long s = from.getEpochSecond(); s < to.getEpochSecond(); s++) {
            Second second = seconds.get(s);
            if (second != null) {
                requests += second.requests.sum();
                errors += second.errors.sum();
                treatmentRequests += second.treatmentRequests.sum();
                treatmentErrors += second.treatmentErrors.sum();
            }
        }
        return new Rates(requests, errors, treatmentRequests, treatmentErrors);
    }

    /** Requests issued, and those not sent because too many were in flight, or whose evaluation failed. */
    String summary() {
        return issued.get() + " requests issued, " + skipped.sum() + " skipped (more than " + MAX_IN_FLIGHT
                + " in flight), " + failed.sum() + " failed evaluations"
                + (lastFailure == null ? "" : " (last: " + lastFailure + ")");
    }

    long failedEvaluations() {
        return failed.sum() + skipped.sum();
    }

    private void tick() {
        long due = (long) ((System.nanoTime() - startNanos) / 1e9 * rate);
        while (issued.get() < due) {
            issued.incrementAndGet();
            request();
        }
    }

    private void request() {
        if (!inFlight.tryAcquire()) {
            skipped.increment();
            return;
        }
        ScenarioUser user = users.get(ThreadLocalRandom.current().nextInt(users.size()));
        client.evaluate(serverKey, flag, user).whenComplete((evaluation, failure) -> {
            try {
                if (failure != null) {
                    failed.increment();
                    lastFailure = failure.getMessage();
                } else {
                    serve(user, evaluation.variant());
                }
            } finally {
                inFlight.release();
            }
        });
    }

    private void serve(ScenarioUser user, String variant) {
        usersSeen.add(user.id());
        if (tracking) {
            variantsSeen.computeIfAbsent(user.id(), id -> ConcurrentHashMap.newKeySet()).add(variant);
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        boolean treated = treatment.equals(variant);
        boolean regressed = treated && regression;
        double errorRate = profile.baseErrorRate() + (regressed ? profile.errorIncrease() : 0);
        boolean error = random.nextDouble() < errorRate;
        // log-normal around the median, sigma 0.35
        double latencyMs = profile.medianLatencyMs() * Math.exp(0.35 * random.nextGaussian())
                * (regressed ? 1 + profile.latencyIncrease() : 1);
        Instant end = Instant.now();
        long endNanos = end.getEpochSecond() * 1_000_000_000L + end.getNano();
        long spanStartNanos = endNanos - (long) (latencyMs * 1_000_000);
        String route = ROUTES.get(random.nextInt(ROUTES.size()));
        Span span = tracer.spanBuilder("GET " + route)
                .setSpanKind(SpanKind.SERVER)
                .setStartTimestamp(spanStartNanos, TimeUnit.NANOSECONDS)
                .setAttribute("http.request.method", "GET")
                .setAttribute("http.route", route)
                .setAttribute("http.response.status_code", error ? 500 : 200)
                .setAttribute("enduser.id", user.id())
                .startSpan();
        span.addEvent("feature_flag.evaluation", Attributes.of(FLAG_KEY, flag, FLAG_VARIANT, variant,
                FLAG_CONTEXT, user.id(), FLAG_PROVIDER, "ofrep"), spanStartNanos, TimeUnit.NANOSECONDS);
        if (error) {
            span.setStatus(StatusCode.ERROR, "dark stylesheet bundle failed to render");
            span.setAttribute("error.type", "500");
        }
        span.end(endNanos, TimeUnit.NANOSECONDS);

        Second second = seconds.computeIfAbsent(end.getEpochSecond(), s -> new Second());
        second.requests.increment();
        if (error) {
            second.errors.increment();
        }
        if (treated) {
            second.treatmentRequests.increment();
            if (error) {
                second.treatmentErrors.increment();
            }
        }
    }

    /** Stops issuing requests, waits for those in flight and exports every span left. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        ticker.shutdownNow();
        try {
            if (inFlight.tryAcquire(MAX_IN_FLIGHT, 10, TimeUnit.SECONDS)) {
                inFlight.release(MAX_IN_FLIGHT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        provider.forceFlush().join(10, TimeUnit.SECONDS);
        provider.shutdown().join(10, TimeUnit.SECONDS);
    }

    private static final class Second {
        final LongAdder requests = new LongAdder();
        final LongAdder errors = new LongAdder();
        final LongAdder treatmentRequests = new LongAdder();
        final LongAdder treatmentErrors = new LongAdder();
    }

    static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    static ExecutorService clientExecutor() {
        return Executors.newFixedThreadPool(4, r -> daemon(r, "scenario-http"));
    }
}
