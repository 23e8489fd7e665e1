package io.lightswitch.analytics.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The detection job's current verdict on one metric of one variant, in one slice of traffic. */
public record VerdictView(
        String variant,
        @Schema(description = "e.g. error_rate, latency, js_error_rate, lcp")
        String metric,
        @Schema(description = "'' for all services")
        String service,
        @Schema(description = "'' for all operations")
        String operation,
        @Schema(description = "healthy, degraded, improved or insufficient-data")
        String status,
        String previousStatus,
        String reason,
        String sentence,
        @Schema(description = "rank of this flag among flags changed together (1 = most likely cause); null when alone")
        Integer rank,
        Instant since,
        Instant assessedAt,
        @Schema(type = SchemaType.OBJECT, description = "the contracts' VerdictEvidence: samples, rates, effect, interval")
        JsonNode evidence) {

    static VerdictView of(Row row) {
        return new VerdictView(row.getString("variant"), row.getString("metric"), row.getString("service"),
                row.getString("operation"), row.getString("status"), row.getString("previous_status"),
                row.getString("reason"), row.getString("sentence"), row.getInteger("rank"),
                Rows.instant(row, "since"), Rows.instant(row, "assessed_at"), Rows.json(row, "evidence"));
    }

    /** A status change of a verdict, for the impact timeline. */
    public record VerdictChange(
            Instant at, String variant, String metric, String service, String operation, String status,
            String previousStatus, String reason, String sentence,
            @Schema(type = SchemaType.OBJECT, description = "the contracts' VerdictEvidence")
            JsonNode evidence) {

        static VerdictChange of(Row row) {
            return new VerdictChange(Rows.instant(row, "at"), row.getString("variant"), row.getString("metric"),
                    row.getString("service"), row.getString("operation"), row.getString("status"),
                    row.getString("previous_status"), row.getString("reason"), row.getString("sentence"),
                    Rows.json(row, "evidence"));
        }
    }
}
