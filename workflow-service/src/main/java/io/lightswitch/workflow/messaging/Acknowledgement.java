package io.lightswitch.workflow.messaging;

import io.lightswitch.contracts.MessageFormatException;
import io.lightswitch.workflow.domain.WorkflowMetrics;
import io.lightswitch.workflow.domain.reaction.Handled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.rabbitmq.RabbitMQRejectMetadata;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * How the consumers settle a message: ack once its transaction committed (or its id was already claimed);
 * reject without requeue, so the queue's dead-letter exchange routes it to its dead-letter queue, when it can
 * never be processed; requeue after a pause when the failure may pass (database away).
 */
@ApplicationScoped
public class Acknowledgement {

    private static final Logger LOG = Logger.getLogger(Acknowledgement.class);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    private final WorkflowMetrics metrics;

    public Acknowledgement(WorkflowMetrics metrics) {
        this.metrics = metrics;
    }

    Uni<Void> settle(String channel, Message<byte[]> message, Uni<Handled> handling) {
        return handling
                .onItem().transformToUni(handled -> {
                    metrics.message(channel, handled == Handled.PROCESSED ? "processed" : "duplicate");
                    return Uni.createFrom().completionStage(message.ack());
                })
                .onFailure(Acknowledgement::isPoison).recoverWithUni(e -> deadLetter(channel, message, e))
                .onFailure().recoverWithUni(e -> {
                    LOG.warnf("a message on %s failed, requeueing it: %s", channel, e.getMessage());
                    metrics.message(channel, "requeued");
                    return Uni.createFrom().voidItem().onItem().delayIt().by(RETRY_PAUSE)
                            .chain(() -> Uni.createFrom().completionStage(
                                    message.nack(e, Metadata.of(new RabbitMQRejectMetadata(true)))));
                });
    }

    Uni<Void> deadLetter(String channel, Message<byte[]> message, Throwable reason) {
        LOG.warnf("dead-lettering a message on %s: %s", channel, reason.getMessage());
        metrics.message(channel, "dead_lettered");
        return Uni.createFrom().completionStage(
                message.nack(reason, Metadata.of(new RabbitMQRejectMetadata(false))));
    }

    /**
     * Failures that would repeat on every delivery: a message off its contract, or values PostgreSQL refuses
     * (SQLSTATE class 22, data exception). Anything else is taken as passing.
     */
    static boolean isPoison(Throwable failure) {
        return failure instanceof MessageFormatException || failure instanceof DateTimeException
                || failure instanceof IllegalArgumentException
                || (failure instanceof PgException pg && pg.getSqlState() != null && pg.getSqlState().startsWith("22"));
    }
}
