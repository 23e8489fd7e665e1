package io.lightswitch.ingest.messaging;

import io.lightswitch.contracts.Envelope;
import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.contracts.MessageFormatException;
import io.lightswitch.contracts.MessageTypes;
import io.lightswitch.contracts.flag.CredentialIssued;
import io.lightswitch.contracts.flag.CredentialRevoked;
import io.lightswitch.ingest.access.IngestKeys;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Follows key issues and revocations from flag-service on a queue of this replica's own. */
@ApplicationScoped
public class CredentialEventConsumer {

    private static final Logger LOG = Logger.getLogger(CredentialEventConsumer.class);

    private final IngestKeys keys;

    public CredentialEventConsumer(IngestKeys keys) {
        this.keys = keys;
    }

    @Incoming(IngestChannels.CREDENTIAL_EVENTS)
    public void onCredentialEvent(byte[] body) {
        try {
            Envelope envelope = MessageCodec.decode(body);
            switch (envelope.type()) {
                case MessageTypes.CREDENTIAL_ISSUED -> {
                    CredentialIssued issued = MessageCodec.payload(envelope, CredentialIssued.class);
                    keys.issued(new IngestKeys.Key(issued.kind(), issued.project(), issued.environment(),
                            issued.keyHash()));
                }
                case MessageTypes.CREDENTIAL_REVOKED ->
                        keys.revoked(MessageCodec.payload(envelope, CredentialRevoked.class).keyHash());
                default -> {
                }
            }
        } catch (MessageFormatException e) {
            LOG.warnf("ignoring a malformed credential event: %s", e.getMessage());
        }
    }
}
