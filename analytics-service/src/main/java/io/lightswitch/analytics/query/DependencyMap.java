package io.lightswitch.analytics.query;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Services and the calls between them, with their traffic per variant of a flag. */
public record DependencyMap(
        String project,
        String environment,
        @Schema(description = "null for all traffic, whose variant is then ''")
        String flag,
        Instant from,
        Instant to,
        List<ServiceNode> nodes,
        List<ServiceCall> edges) {

    /** A service: the requests its entry spans served, per variant. */
    public record ServiceNode(String service, List<ServiceTraffic> variants) {
    }

    public record ServiceTraffic(String variant, long requests, long errors, Double errorRate) {
    }

    /** Calls from a span of one service to an entry span of another, per variant. */
    public record ServiceCall(String caller, String callee, List<CallTraffic> variants) {
    }

    public record CallTraffic(String variant, long calls, long errors, Double errorRate) {
    }
}
