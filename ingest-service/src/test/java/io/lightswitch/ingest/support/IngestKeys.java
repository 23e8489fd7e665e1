package io.lightswitch.ingest.support;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.lightswitch.contracts.Exchanges;
import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.contracts.MessageTypes;
import io.lightswitch.contracts.RoutingKeys;
import io.lightswitch.contracts.flag.CredentialIssued;
import io.lightswitch.contracts.flag.CredentialRevoked;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Issues and revokes keys the way flag-service announces them: credential events on
 * {@code lightswitch.flag.events}, carrying only the key's hash.
 */
public final class IngestKeys {

    private IngestKeys() {
    }

    /** A key of a project of its own, so a test's telemetry is told apart by project. */
    public record TestKey(String secret, String project, String environment, String credentialId) {
    }

    public static TestKey issue(String environment) {
        return issue(CredentialIssued.INGEST, environment);
    }

    public static TestKey issue(String kind, String environment) {
        return issue(kind, "proj-" + UUID.randomUUID().toString().substring(0, 8), environment);
    }

    /** A key of a given project, for tests that need configuration keyed by project (allowed origins). */
    public static TestKey issue(String kind, String project, String environment) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TestKey key = new TestKey("lsk_" + kind + "_" + UUID.randomUUID(), project, environment, "key_" + suffix);
        publish(RoutingKeys.CREDENTIAL_ISSUED, MessageTypes.CREDENTIAL_ISSUED, new CredentialIssued(
                key.credentialId(), kind, null, key.project(), environment, sha256(key.secret()), Instant.now()));
        return key;
    }

    public static void revoke(TestKey key) {
        publish(RoutingKeys.CREDENTIAL_REVOKED, MessageTypes.CREDENTIAL_REVOKED, new CredentialRevoked(
                key.credentialId(), CredentialIssued.INGEST, key.project(), key.environment(), sha256(key.secret()),
                Instant.now()));
    }

    public static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void publish(String routingKey, String type, Object payload) {
        try (Connection connection = Rabbit.connect("ingest-test-keys"); Channel channel = connection.createChannel()) {
            channel.exchangeDeclare(Exchanges.FLAG_EVENTS, "topic", true);
            channel.confirmSelect();
            channel.basicPublish(Exchanges.FLAG_EVENTS, routingKey,
                    new AMQP.BasicProperties.Builder().contentType("application/json").deliveryMode(2).build(),
                    MessageCodec.encode(MessageCodec.wrap(type, "flag-service", payload)));
            channel.waitForConfirmsOrDie(5000);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish " + type, e);
        }
    }
}
