package io.lightswitch.analytics.support;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.lightswitch.contracts.Exchanges;
import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.contracts.MessageTypes;
import io.lightswitch.contracts.RoutingKeys;
import io.lightswitch.contracts.flag.CredentialIssued;
import io.lightswitch.contracts.flag.CredentialRevoked;
import java.time.Instant;

/** Publishes credential events as flag-service does, on the real exchange. */
public final class CredentialEvents {

    private CredentialEvents() {
    }

    public static void issued(String credentialId, String role, String keyHash) {
        publish(RoutingKeys.CREDENTIAL_ISSUED, MessageTypes.CREDENTIAL_ISSUED, new CredentialIssued(credentialId,
                CredentialIssued.ADMIN, role, null, null, keyHash, Instant.now()));
    }

    public static void revoked(String credentialId, String keyHash) {
        publish(RoutingKeys.CREDENTIAL_REVOKED, MessageTypes.CREDENTIAL_REVOKED, new CredentialRevoked(credentialId,
                CredentialIssued.ADMIN, null, null, keyHash, Instant.now()));
    }

    private static void publish(String routingKey, String type, Object payload) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(5672);
        factory.setUsername("guest");
        factory.setPassword("guest");
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            byte[] body = MessageCodec.encode(MessageCodec.wrap(type, "flag-service", payload));
            channel.basicPublish(Exchanges.FLAG_EVENTS, routingKey,
                    new AMQP.BasicProperties.Builder().contentType("application/json").build(), body);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish a credential event", e);
        }
    }
}
