package io.lightswitch.workflow.messaging;

import io.lightswitch.contracts.Envelope;
import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.contracts.MessageFormatException;
import io.lightswitch.contracts.MessageTypes;
import io.lightswitch.contracts.flag.FlagChanged;
import io.lightswitch.workflow.domain.reaction.FlagChangeHandler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Consumes FlagChanged from {@code lightswitch.flag.events}: confirmations of commands, flag-change rules. */
@ApplicationScoped
public class FlagEventConsumer {

    private final FlagChangeHandler handler;
    private final Acknowledgement acknowledgement;

    public FlagEventConsumer(FlagChangeHandler handler, Acknowledgement acknowledgement) {
        this.handler = handler;
        this.acknowledgement = acknowledgement;
    }

    @Incoming(WorkflowChannels.FLAG_EVENTS)
    public Uni<Void> onFlagEvent(Message<byte[]> message) {
        Envelope envelope;
        FlagChanged change;
        try {
            envelope = MessageCodec.decode(message.getPayload());
            if (!MessageTypes.FLAG_CHANGED.equals(envelope.type())) {
                throw new MessageFormatException("not a flag change: " + envelope.type(), null);
            }
            change = MessageCodec.payload(envelope, FlagChanged.class);
            if (change.project() == null || change.flagKey() == null) {
                throw new MessageFormatException("a flag change needs project and flagKey", null);
            }
        } catch (MessageFormatException e) {
            return acknowledgement.deadLetter(WorkflowChannels.FLAG_EVENTS, message, e);
        }
        return acknowledgement.settle(WorkflowChannels.FLAG_EVENTS, message, handler.handle(envelope, change));
    }
}
