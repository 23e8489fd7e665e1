package io.lightswitch.analytics.query;

import io.lightswitch.analytics.aggregate.Sketches;
import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Errors of one fingerprint (type, normalised message, top frame). */
public record ErrorGroupView(
        String fingerprint,
        @Schema(description = "span (server side) or browser (JS error)")
        String source,
        String service,
        String errorType,
        @Schema(description = "the normalised message the fingerprint uses")
        String message,
        String topFrame,
        @Schema(description = "occurrences since the group was first seen (not only within the window)")
        long occurrences,
        @Schema(description = "distinct users affected (HyperLogLog estimate)")
        long users,
        Instant firstSeen,
        Instant lastSeen,
        String sampleMessage,
        String sampleStack) {

    static final String COLUMNS = "variant, fingerprint, source, service, error_type, message, top_frame,"
            + " occurrences, users_hll, first_seen, last_seen, sample_message, sample_stack";

    static ErrorGroupView of(Row row) {
        byte[] users = Rows.bytes(row, "users_hll");
        return new ErrorGroupView(row.getString("fingerprint"), row.getString("source"), row.getString("service"),
                row.getString("error_type"), row.getString("message"), row.getString("top_frame"),
                Rows.count(row, "occurrences"), users == null ? 0 : Math.round(Sketches.users(users).getEstimate()),
                Rows.instant(row, "first_seen"), Rows.instant(row, "last_seen"), row.getString("sample_message"),
                row.getString("sample_stack"));
    }

    /** The top error groups of one variant of a flag. */
    public record VariantErrors(String variant, List<ErrorGroupView> errors) {
    }

    /** Top error groups per variant of a flag, or of all traffic. */
    public record TopErrors(String project, String environment,
                            @Schema(description = "null for all traffic")
                            String flag,
                            Instant from, Instant to, List<VariantErrors> variants) {
    }
}
