package io.lightswitch.flag.support;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DeliverCallback;
import io.lightswitch.contracts.Envelope;
import io.lightswitch.contracts.MessageCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * Listens on a real exchange with the plain RabbitMQ client, through a queue of its own, so a test can
 * assert what a service really published.
 */
public final class FlagEventTap implements AutoCloseable {

    private final Connection connection;
    private final Channel channel;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public record Received(String routingKey, Envelope envelope, String contentType) {
    }

    public FlagEventTap(String exchange, String... routingKeys) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(System.getenv().getOrDefault("RABBITMQ_HOST", "127.0.0.1"));
        factory.setPort(Integer.parseInt(System.getenv().getOrDefault("RABBITMQ_PORT", "5672")));
        factory.setUsername(System.getenv().getOrDefault("RABBITMQ_USERNAME", "guest"));
        factory.setPassword(System.getenv().getOrDefault("RABBITMQ_PASSWORD", "guest"));
        connection = factory.newConnection("test-tap");
        channel = connection.createChannel();
        channel.exchangeDeclare(exchange, "topic", true);
        String queue = channel.queueDeclare("", false, true, true, null).getQueue();
        for (String key : routingKeys) {
            channel.queueBind(queue, exchange, key);
        }
        DeliverCallback callback = (tag, delivery) -> received.add(new Received(
                delivery.getEnvelope().getRoutingKey(), MessageCodec.decode(delivery.getBody()),
                delivery.getProperties().getContentType()));
        channel.basicConsume(queue, true, callback, tag -> {
        });
    }

    public static FlagEventTap flagEvents() throws Exception {
        return new FlagEventTap("lightswitch.flag.events", "#");
    }

    /** Waits until a message matching the predicate arrived, and returns it. */
    public Received await(Predicate<Received> predicate) {
        return Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
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
