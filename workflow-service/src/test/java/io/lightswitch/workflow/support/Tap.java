package io.lightswitch.workflow.support;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DeliverCallback;
import io.lightswitch.contracts.Envelope;
import io.lightswitch.contracts.Exchanges;
import io.lightswitch.contracts.MessageCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * Listens on a real exchange with the plain RabbitMQ client, through a queue of its own, so a test can
 * assert what the service really published.
 */
public final class Tap implements AutoCloseable {

    private final Connection connection;
    private final Channel channel;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public record Received(String routingKey, Envelope envelope, String messageId) {
    }

    private Tap(String exchange, String... routingKeys) throws Exception {
        connection = Broker.connect("test-tap");
        channel = connection.createChannel();
        channel.exchangeDeclare(exchange, "topic", true);
        String queue = channel.queueDeclare("", false, true, true, null).getQueue();
        for (String key : routingKeys) {
            channel.queueBind(queue, exchange, key);
        }
        DeliverCallback callback = (tag, delivery) -> received.add(new Received(
                delivery.getEnvelope().getRoutingKey(), MessageCodec.decode(delivery.getBody()),
                delivery.getProperties().getMessageId()));
        channel.basicConsume(queue, true, callback, tag -> {
        });
    }

    /** Every command workflow-service sends to flag-service. */
    public static Tap workflowCommands() throws Exception {
        return new Tap(Exchanges.WORKFLOW_COMMANDS, "#");
    }

    /** Waits until a message matching the predicate arrived, and returns it. */
    public Received await(Predicate<Received> predicate) {
        return Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20))
                .until(() -> received.stream().filter(predicate).findFirst().orElse(null), r -> r != null);
    }

    public List<Received> matching(Predicate<Received> predicate) {
        return new ArrayList<>(received.stream().filter(predicate).toList());
    }

    @Override
    public void close() throws Exception {
        channel.close();
        connection.close();
    }
}
