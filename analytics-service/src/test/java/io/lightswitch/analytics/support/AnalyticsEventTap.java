package io.lightswitch.analytics.support;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DeliverCallback;
import io.lightswitch.contracts.Envelope;
import io.lightswitch.contracts.Exchanges;
import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.contracts.MessageFormatException;
import io.lightswitch.contracts.analytics.ImpactVerdict;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Listens on {@code lightswitch.analytics.events} with the plain RabbitMQ client through a queue of its own, so
 * a test asserts what the service really published.
 */
public final class AnalyticsEventTap implements AutoCloseable {

    private final Connection connection;
    private final Channel channel;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public record Received(String routingKey, String type, Envelope envelope, ImpactVerdict verdict) {
    }

    public AnalyticsEventTap() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(System.getenv().getOrDefault("RABBITMQ_HOST", "127.0.0.1"));
        factory.setPort(Integer.parseInt(System.getenv().getOrDefault("RABBITMQ_PORT", "5672")));
        factory.setUsername(System.getenv().getOrDefault("RABBITMQ_USERNAME", "guest"));
        factory.setPassword(System.getenv().getOrDefault("RABBITMQ_PASSWORD", "guest"));
        connection = factory.newConnection("analytics-test-tap");
        channel = connection.createChannel();
        channel.exchangeDeclare(Exchanges.ANALYTICS_EVENTS, "topic", true);
        String queue = channel.queueDeclare("", false, true, true, null).getQueue();
        channel.queueBind(queue, Exchanges.ANALYTICS_EVENTS, "#");
        DeliverCallback callback = (tag, delivery) -> {
            try {
                Envelope envelope = MessageCodec.decode(delivery.getBody());
                received.add(new Received(delivery.getEnvelope().getRoutingKey(), delivery.getProperties().getType(),
                        envelope, MessageCodec.payload(envelope, ImpactVerdict.class)));
            } catch (MessageFormatException e) {
                // not a verdict: another test's message, or one that a test published on purpose
            }
        };
        channel.basicConsume(queue, true, callback, tag -> {
        });
    }

    /** Messages about one project so far, in arrival order. */
    public List<Received> of(String project) {
        return received.stream().filter(r -> project.equals(r.verdict().project())).toList();
    }

    @Override
    public void close() throws Exception {
        channel.close();
        connection.close();
    }
}
