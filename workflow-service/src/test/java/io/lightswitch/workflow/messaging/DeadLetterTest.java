package io.lightswitch.workflow.messaging;

import io.lightswitch.contracts.Exchanges;
import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.contracts.MessageTypes;
import io.lightswitch.contracts.RoutingKeys;
import io.lightswitch.contracts.flag.FlagChanged;
import io.lightswitch.workflow.support.Broker;
import io.lightswitch.workflow.support.FlagServiceStub;
import io.lightswitch.workflow.support.Messages;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FlagServiceStub.class)
class DeadLetterTest {

    private static boolean deadLettered(String queue, String marker) throws Exception {
        return Broker.drain(queue).stream().anyMatch(body -> new String(body, StandardCharsets.UTF_8).contains(marker));
    }

    @Test
    void aMessageThatIsNotAnEnvelopeGoesToTheVerdictsDeadLetterQueue() throws Exception {
        String marker = "poison-" + UUID.randomUUID();
        Broker.publish(Exchanges.ANALYTICS_EVENTS, RoutingKeys.ANOMALY_DETECTED,
                ("{\"not\": \"an envelope\", \"marker\": \"" + marker + "\"}").getBytes(StandardCharsets.UTF_8));

        Awaitility.await().atMost(Duration.ofSeconds(15))
                .until(() -> deadLettered("workflow-service-test.verdicts.dlq", marker));
    }

    @Test
    void aFlagChangeWithoutItsProjectGoesToTheFlagsDeadLetterQueue() throws Exception {
        String marker = "poison-" + UUID.randomUUID();
        FlagChanged change = new FlagChanged(null, "production", marker, 1, "updated", Messages.user(), null, null,
                null);
        Broker.publish(Exchanges.FLAG_EVENTS, RoutingKeys.FLAG_CHANGED,
                MessageCodec.encode(Messages.envelope(MessageTypes.FLAG_CHANGED, change)));

        Awaitility.await().atMost(Duration.ofSeconds(15))
                .until(() -> deadLettered("workflow-service-test.flags.dlq", marker));
    }
}
