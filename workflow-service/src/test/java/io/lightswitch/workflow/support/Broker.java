package io.lightswitch.workflow.support;

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

    static Connection connect(String name) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(System.getenv().getOrDefault("RABBITMQ_HOST", "127.0.0.1"));
        factory.setPort(Integer.parseInt(System.getenv().getOrDefault("RABBITMQ_PORT", "5672")));
        factory.setUsername(System.getenv().getOrDefault("RABBITMQ_USERNAME", "guest"));
        factory.setPassword(System.getenv().getOrDefault("RABBITMQ_PASSWORD", "guest"));
        return factory.newConnection(name);
    }

    public static void publish(String exchange, String routingKey, byte[] body) throws Exception {
        try (Connection connection = connect("test-broker"); Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            channel.basicPublish(exchange, routingKey,
                    new AMQP.BasicProperties.Builder().contentType("application/json").deliveryMode(2).build(), body);
            channel.waitForConfirmsOrDie(5000);
        }
    }

    /** Takes every message waiting in a queue and returns their bodies. */
    public static List<byte[]> drain(String queue) throws Exception {
        List<byte[]> bodies = new ArrayList<>();
        try (Connection connection = connect("test-broker"); Channel channel = connection.createChannel()) {
            GetResponse response;
            while ((response = channel.basicGet(queue, true)) != null) {
                bodies.add(response.getBody());
            }
        }
        return bodies;
    }
}
