package io.lightswitch.ingest.domain;

import io.lightswitch.contracts.MessageTypes;
import io.lightswitch.contracts.RoutingKeys;
import io.lightswitch.contracts.ingest.RumBatch;
import io.lightswitch.ingest.domain.ConfirmedPublishing.Outgoing;
import io.lightswitch.ingest.rum.BeaconNormaliser;
import io.lightswitch.ingest.rum.BeaconParseResult;
import io.lightswitch.ingest.rum.BeaconParser;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Parses a beacon and publishes the accepted one as a RumBatch on {@code rum.batch}; the result is
 * returned only after the broker confirmed it. Metrics count events as items, like spans for traces.
 */
@ApplicationScoped
public class RumService {

    static final String INVALID_BEACON = "invalid-beacon";

    private final BeaconParser parser = new BeaconParser();
    private final BeaconNormaliser normaliser = new BeaconNormaliser();
    private final ConfirmedPublishing publishing;
    private final IngestMetrics metrics;
    private final Clock clock = Clock.systemUTC();

    public RumService(ConfirmedPublishing publishing, IngestMetrics metrics) {
        this.publishing = publishing;
        this.metrics = metrics;
    }

    /** The parse result, after publishing when the beacon was accepted; a refused beacon publishes nothing. */
    public Uni<BeaconParseResult> ingest(byte[] body, Attribution attribution) {
        // a beacon may be half a megabyte of replay JSON: parse it off the event loop
        return Uni.createFrom().item(() -> parser.parse(body))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(result -> result.accepted() ? publish(result, attribution) : refused(result));
    }

    public void refused(String reason) {
        metrics.rejected(Signal.RUM, reason, 1);
    }

    private Uni<BeaconParseResult> refused(BeaconParseResult result) {
        refused(INVALID_BEACON);
        return Uni.createFrom().item(result);
    }

    private Uni<BeaconParseResult> publish(BeaconParseResult result, Attribution attribution) {
        int accepted = result.beacon().events().size();
        metrics.received(Signal.RUM, accepted + result.rejectedEvents());
        if (result.rejectedEvents() > 0) {
            metrics.rejected(Signal.RUM, IngestMetrics.INVALID_ITEM, result.rejectedEvents());
        }
        RumBatch batch = normaliser.normalise(result.beacon(), attribution.project(), attribution.environment());
        Outgoing message = new Outgoing(UUID.randomUUID(), MessageTypes.RUM_BATCH, RoutingKeys.RUM_BATCH,
                clock.instant(), batch);
        return publishing.publish(List.of(message))
                .onItem().invoke(() -> metrics.published(Signal.RUM, accepted))
                .onFailure(IngestException.class).invoke(e -> refused(((IngestException) e).reason()))
                .replaceWith(result);
    }
}
