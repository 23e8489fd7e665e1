package io.lightswitch.access;

import io.lightswitch.contracts.Envelope;
import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.contracts.MessageFormatException;
import io.lightswitch.contracts.MessageTypes;
import io.lightswitch.contracts.flag.CredentialIssued;
import io.lightswitch.contracts.flag.CredentialRevoked;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Follows token issues and revocations from flag-service. The service binds {@link #CHANNEL} to a queue
 * of each replica's own (see the README), since every replica needs every event.
 */
@ApplicationScoped
public class CredentialEventConsumer {

    public static final String CHANNEL = "credential-events";
    private static final Logger LOG = Logger.getLogger(CredentialEventConsumer.class);

    private final AdminTokens tokens;

    public CredentialEventConsumer(AdminTokens tokens) {
        this.tokens = tokens;
    }

    @Incoming(CHANNEL)
    public void onCredentialEvent(byte[] body) {
        try {
            Envelope envelope = MessageCodec.decode(body);
            switch (envelope.type()) {
                case MessageTypes.CREDENTIAL_ISSUED -> {
                    CredentialIssued issued = MessageCodec.payload(envelope, CredentialIssued.class);
                    tokens.issued(new AdminTokens.Credential(issued.credentialId(), issued.kind(), issued.role(),
                            issued.keyHash()));
                }
                case MessageTypes.CREDENTIAL_REVOKED ->
                        tokens.revoked(MessageCodec.payload(envelope, CredentialRevoked.class).keyHash());
                default -> {
                }
            }
        } catch (MessageFormatException e) {
            LOG.warnf("ignoring a malformed credential event: %s", e.getMessage());
        }
    }
}
