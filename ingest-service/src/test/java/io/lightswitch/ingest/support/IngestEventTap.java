package io.lightswitch.ingest.support;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DeliverCallback;
import io.lightswitch.contracts.Envelope;
import io.lightswitch.contracts.Exchanges;
import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.contracts.MessageTypes;
import io.lightswitch.contracts.flag.FlagExposed;
import io.lightswitch.contracts.ingest.NormalizedSpan;
import io.lightswitch.contracts.ingest.SpanBatch;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;

/**
 * Reads what ingest-service really published: a queue of its own bound to {@code lightswitch.ingest.events},
 * consumed with the plain RabbitMQ client.
 */
public final class IngestEventTap implements AutoCloseable {

    private final Connection connection;
    private final Channel channel;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public record Received(String routingKey, String contentType, boolean persistent, String messageId,
                           Envelope envelope) {
    }

    public IngestEventTap() throws Exception {
        connection = Rabbit.connect("ingest-test-tap");
        channel = connection.createChannel();
        channel.exchangeDeclare(Exchanges.INGEST_EVENTS, "topic", true);
        String queue = channel.queueDeclare("", false, true, true, null).getQueue();
        channel.queueBind(queue, Exchanges.INGEST_EVENTS, "#");
        DeliverCallback callback = (tag, delivery) -> received.add(new Received(
                delivery.getEnvelope().getRoutingKey(), delivery.getProperties().getContentType(),
                Integer.valueOf(2).equals(delivery.getProperties().getDeliveryMode()),
                delivery.getProperties().getMessageId(), MessageCodec.decode(delivery.getBody())));
        channel.basicConsume(queue, true, callback, tag -> {
        });
    }

    /** Every span published for a project, once at least {@code count} arrived. */
    public List<NormalizedSpan> awaitSpans(String project, int count) {
        return Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(25))
                .until(() -> spanBatches(project).stream().flatMap(b -> b.spans().stream()).toList(),
                        spans -> spans.size() >= count);
    }

    public List<SpanBatch> spanBatches(String project) {
        return received.stream().filter(r -> r.envelope().type().equals(MessageTypes.SPAN_BATCH))
                .map(r -> MessageCodec.payload(r.envelope(), SpanBatch.class))
                .filter(b -> b.project().equals(project)).toList();
    }

    public List<FlagExposed> awaitExposures(String project, int count) {
        return Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(25))
                .until(() -> exposures(project),
                        batches -> batches.stream().mapToInt(b -> b.exposures().size()).sum() >= count);
    }

    public List<FlagExposed> exposures(String project) {
        return received.stream().filter(r -> r.envelope().type().equals(MessageTypes.FLAG_EXPOSED))
                .map(r -> MessageCodec.payload(r.envelope(), FlagExposed.class))
                .filter(b -> b.project().equals(project)).toList();
    }

    /** Every message published for a project, once at least {@code count} arrived. */
    public List<Received> awaitAll(String project, int count) {
        return Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(25))
                .until(() -> all(project), messages -> messages.size() >= count);
    }

    public List<Received> all(String project) {
        return received.stream().filter(r -> project.equals(r.envelope().payload().path("project").asText()))
                .toList();
    }

    @Override
    public void close() throws Exception {
        channel.close();
        connection.close();
    }
}
