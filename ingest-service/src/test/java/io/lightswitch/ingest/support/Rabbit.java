package io.lightswitch.ingest.support;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

/** Connections to the RabbitMQ the tests share, with the plain client, as another service would connect. */
final class Rabbit {

    private Rabbit() {
    }

    static Connection connect(String name) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(System.getenv().getOrDefault("RABBITMQ_HOST", "127.0.0.1"));
        factory.setPort(Integer.parseInt(System.getenv().getOrDefault("RABBITMQ_PORT", "5672")));
        factory.setUsername(System.getenv().getOrDefault("RABBITMQ_USERNAME", "guest"));
        factory.setPassword(System.getenv().getOrDefault("RABBITMQ_PASSWORD", "guest"));
        return factory.newConnection(name);
    }
}
