package io.lightswitch.flag.messaging;

import io.lightswitch.contracts.Envelope;
import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.contracts.MessageFormatException;
import io.lightswitch.contracts.MessageTypes;
import io.lightswitch.contracts.workflow.DisableFlag;
import io.lightswitch.contracts.workflow.SetRollout;
import io.lightswitch.flag.domain.CommandService;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.rabbitmq.RabbitMQRejectMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * Consumes DisableFlag and SetRollout. Acks after the change committed; a message that is not a valid
 * command goes to the dead-letter queue; a transient failure (database away) is requeued after a pause.
 */
@ApplicationScoped
public class WorkflowCommandConsumer {

    private static final Logger LOG = Logger.getLogger(WorkflowCommandConsumer.class);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    private final CommandService commands;

    public WorkflowCommandConsumer(CommandService commands) {
        this.commands = commands;
    }

    @Incoming(FlagEventChannels.WORKFLOW_COMMANDS)
    public Uni<Void> onCommand(Message<byte[]> message) {
        Uni<String> handled;
        try {
            handled = handle(MessageCodec.decode(message.getPayload()));
        } catch (MessageFormatException e) {
            return deadLetter(message, e);
        }
        return handled
                .onItem().transformToUni(outcome -> {
                    LOG.debugf("command handled: %s", outcome);
                    return Uni.createFrom().completionStage(message.ack());
                })
                .onFailure(MessageFormatException.class).recoverWithUni(e -> deadLetter(message, e))
                .onFailure().recoverWithUni(e -> {
                    LOG.warnf("command failed, requeueing: %s", e.getMessage());
                    return Uni.createFrom().voidItem().onItem().delayIt().by(RETRY_PAUSE)
                            .chain(() -> Uni.createFrom().completionStage(
                                    message.nack(e, Metadata.of(new RabbitMQRejectMetadata(true)))));
                });
    }

    private Uni<String> handle(Envelope envelope) {
        return switch (envelope.type()) {
            case MessageTypes.DISABLE_FLAG ->
                    commands.disable(envelope.id(), MessageCodec.payload(envelope, DisableFlag.class));
            case MessageTypes.SET_ROLLOUT ->
                    commands.setRollout(envelope.id(), MessageCodec.payload(envelope, SetRollout.class));
            default -> Uni.createFrom().failure(new MessageFormatException(
                    "flag-service does not handle commands of type " + envelope.type(), null));
        };
    }

    private static Uni<Void> deadLetter(Message<byte[]> message, Throwable reason) {
        LOG.warnf("dead-lettering a command: %s", reason.getMessage());
        return Uni.createFrom().completionStage(
                message.nack(reason, Metadata.of(new RabbitMQRejectMetadata(false))));
    }
}
