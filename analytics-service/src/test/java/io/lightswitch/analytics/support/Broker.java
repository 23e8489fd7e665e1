package io.lightswitch.analytics.support;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;

import java.util.ArrayList;
import java.util.List;

/** Publishes and reads raw messages with the plain RabbitMQ client, as another service would. */
public final class Broker {

    private Broker() {
    }

    private static Connection connect() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(System.getenv().getOrDefault("RABBITMQ_HOST", "127.0.0.1"));
        factory.setPort(Integer.parseInt(System.getenv().getOrDefault("RABBITMQ_PORT", "5672")));
        return factory.newConnection("analytics-test");
    }

    public static void publish(String exchange, String routingKey, byte[]... bodies) throws Exception {
        try (Connection connection = connect(); Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            for (byte[] body : bodies) {
                channel.basicPublish(exchange, routingKey,
                        new AMQP.BasicProperties.Builder().contentType("application/json").deliveryMode(2).build(), body);
            }
            channel.waitForConfirmsOrDie(10_000);
        }
    }

    /** Takes every message waiting in a queue. */
    public static List<GetResponse> drain(String queue) throws Exception {
        List<GetResponse> messages = new ArrayList<>();
        try (Connection connection = connect(); Channel channel = connection.createChannel()) {
            GetResponse response;
            while ((response = channel.basicGet(queue, true)) != null) {
                messages.add(response);
            }
        }
        return messages;
    }
}
