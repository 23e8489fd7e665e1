package io.lightswitch.workflow.messaging;

import io.lightswitch.contracts.Envelope;
import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.contracts.MessageFormatException;
import io.lightswitch.contracts.MessageTypes;
import io.lightswitch.contracts.analytics.ImpactVerdict;
import io.lightswitch.workflow.domain.reaction.VerdictHandler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes ImpactAssessed and AnomalyDetected from {@code lightswitch.analytics.events}. Both carry an
 * {@link ImpactVerdict}; the two messages of one analytics turn land on the same incident.
 */
@ApplicationScoped
public class VerdictConsumer {

    private static final Set<String> TYPES = Set.of(MessageTypes.IMPACT_ASSESSED, MessageTypes.ANOMALY_DETECTED);

    private final VerdictHandler handler;
    private final Acknowledgement acknowledgement;

    public VerdictConsumer(VerdictHandler handler, Acknowledgement acknowledgement) {
        this.handler = handler;
        this.acknowledgement = acknowledgement;
    }

    @Incoming(WorkflowChannels.VERDICTS)
    public Uni<Void> onVerdict(Message<byte[]> message) {
        Envelope envelope;
        ImpactVerdict verdict;
        try {
            envelope = MessageCodec.decode(message.getPayload());
            if (!TYPES.contains(envelope.type())) {
                throw new MessageFormatException("not a verdict: " + envelope.type(), null);
            }
            verdict = MessageCodec.payload(envelope, ImpactVerdict.class);
            require(verdict);
        } catch (MessageFormatException e) {
            return acknowledgement.deadLetter(WorkflowChannels.VERDICTS, message, e);
        }
        return acknowledgement.settle(WorkflowChannels.VERDICTS, message, handler.handle(envelope, verdict));
    }

    private static void require(ImpactVerdict verdict) {
        if (verdict.project() == null || verdict.environment() == null || verdict.flagKey() == null
                || verdict.variant() == null || verdict.metric() == null || verdict.status() == null) {
            throw new MessageFormatException("a verdict needs project, environment, flagKey, variant, metric and"
                    + " status", null);
        }
    }
}
