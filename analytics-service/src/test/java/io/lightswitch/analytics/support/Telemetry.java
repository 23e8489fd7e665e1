package io.lightswitch.analytics.support;

import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.contracts.MessageTypes;
import io.lightswitch.contracts.flag.Actor;
import io.lightswitch.contracts.flag.FlagChanged;
import io.lightswitch.contracts.flag.FlagExposed;
import io.lightswitch.contracts.ingest.NormalizedSpan;
import io.lightswitch.contracts.ingest.RumBatch;
import io.lightswitch.contracts.ingest.RumEvent;
import io.lightswitch.contracts.ingest.SpanBatch;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Builds the messages ingest-service and flag-service would publish. */
public final class Telemetry {

    private Telemetry() {
    }

    public static NormalizedSpan serverSpan(String service, String name, Instant start, long micros, boolean error,
                                            String userId, String sessionId, Map<String, String> flags) {
        return new NormalizedSpan(id(16), id(8), null, service, name, null, NormalizedSpan.SERVER, start, micros,
                error ? 500 : 200, error, error ? "HTTP 500" : null, error ? "payment declined for order 123" : null,
                userId, sessionId, null, null, flags);
    }

    public static NormalizedSpan span(String traceId, String spanId, String parentId, String service, String name,
                                      String kind, Instant start, boolean error, Map<String, String> flags) {
        return new NormalizedSpan(traceId, spanId, parentId, service, name, null, kind, start, 20_000, null, error,
                null, null, null, null, null, null, flags);
    }

    public static byte[] spans(UUID id, String project, String environment, List<NormalizedSpan> spans) {
        return MessageCodec.encode(id, MessageTypes.SPAN_BATCH, "ingest-service", Instant.now(),
                new SpanBatch(project, environment, spans));
    }

    public static byte[] rum(UUID id, RumBatch batch) {
        return MessageCodec.encode(id, MessageTypes.RUM_BATCH, "ingest-service", Instant.now(), batch);
    }

    public static RumBatch beacon(String project, String environment, String sessionId, String userId,
                                  Map<String, String> flags, List<RumEvent> events) {
        return new RumBatch(project, environment, sessionId, userId, "https://shop.example/products/12345?x=1",
                null, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/124.0.0.0 Safari/537.36", null, null, "DE", flags, events);
    }

    public static byte[] exposed(UUID id, String project, String environment, List<FlagExposed.Exposure> exposures) {
        return MessageCodec.encode(id, MessageTypes.FLAG_EXPOSED, "flag-service", Instant.now(),
                new FlagExposed(project, environment, exposures));
    }

    public static byte[] changed(UUID id, Instant at, FlagChanged change) {
        return MessageCodec.encode(id, MessageTypes.FLAG_CHANGED, "flag-service", at, change);
    }

    public static FlagChanged rollout(String project, String environment, String flag, long version, int onPercent) {
        var after = MessageCodec.mapper().createObjectNode().put("enabled", true).put("offVariant", "off")
                .put("version", version);
        after.putObject("defaultServe").putArray("split")
                .add(MessageCodec.mapper().createObjectNode().put("variant", "on").put("weight", onPercent))
                .add(MessageCodec.mapper().createObjectNode().put("variant", "off").put("weight", 100 - onPercent));
        return new FlagChanged(project, environment, flag, version, "rollout",
                new Actor(Actor.USER, "tok_1", "alice@example.com"), "rollout to " + onPercent + "%", null, after);
    }

    public static String id(int bytes) {
        byte[] raw = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(raw);
        return HexFormat.of().formatHex(raw);
    }
}
