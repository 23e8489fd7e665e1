package io.lightswitch.flag.messaging;

import io.lightswitch.contracts.Envelope;
import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.contracts.MessageFormatException;
import io.lightswitch.contracts.MessageTypes;
import io.lightswitch.contracts.flag.FlagChanged;
import io.lightswitch.contracts.flag.FlagDeleted;
import io.lightswitch.contracts.flag.SegmentChanged;
import io.lightswitch.flag.domain.serving.SnapshotLoader;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Follows flag events from every replica on a queue of this replica's own, and reloads the affected
 * environments from the database. A reload reads committed state, so events may arrive in any order.
 */
@ApplicationScoped
public class SnapshotRefreshConsumer {

    private static final Logger LOG = Logger.getLogger(SnapshotRefreshConsumer.class);

    private final SnapshotLoader loader;

    public SnapshotRefreshConsumer(SnapshotLoader loader) {
        this.loader = loader;
    }

    @Incoming(FlagEventChannels.SNAPSHOT_REFRESH)
    public Uni<Void> onFlagEvent(byte[] body) {
        Envelope envelope;
        try {
            envelope = MessageCodec.decode(body);
        } catch (MessageFormatException e) {
            LOG.warnf("ignoring a malformed flag event: %s", e.getMessage());
            return Uni.createFrom().voidItem();
        }
        return refresh(envelope)
                .onFailure().invoke(e -> LOG.warnf(e, "could not refresh after %s %s; the periodic reload will",
                        envelope.type(), envelope.id()))
                .onFailure().recoverWithNull();
    }

    private Uni<Void> refresh(Envelope envelope) {
        return switch (envelope.type()) {
            case MessageTypes.FLAG_CHANGED -> {
                FlagChanged changed = MessageCodec.payload(envelope, FlagChanged.class);
                yield changed.environment() == null ? loader.reloadProject(changed.project())
                        : loader.reloadEnvironment(changed.project(), changed.environment());
            }
            case MessageTypes.FLAG_DELETED ->
                    loader.reloadProject(MessageCodec.payload(envelope, FlagDeleted.class).project());
            case MessageTypes.SEGMENT_CHANGED ->
                    loader.reloadProject(MessageCodec.payload(envelope, SegmentChanged.class).project());
            case MessageTypes.CREDENTIAL_ISSUED, MessageTypes.CREDENTIAL_REVOKED -> loader.reloadCredentials();
            default -> Uni.createFrom().voidItem();
        };
    }
}
