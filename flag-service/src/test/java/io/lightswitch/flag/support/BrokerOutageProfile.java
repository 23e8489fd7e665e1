package io.lightswitch.flag.support;

import io.lightswitch.testing.TcpProxy;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * Runs the application against RabbitMQ through a {@link TcpProxy}, so a test can take the broker away
 * from this application only. Its database is its own too ({@link ScratchDatabase}), so no other
 * flag-service publishes its outbox meanwhile, and so are its command queues, so it does not take
 * commands meant for the applications of other test classes.
 */
public class BrokerOutageProfile implements QuarkusTestProfile {

    public static final TcpProxy PROXY = TcpProxy.toRabbitMq();

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ScratchDatabase.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        // the test's command queues vanish with it, so they do not collect commands after the run
        return Map.of(
                "rabbitmq-port", String.valueOf(PROXY.port()),
                "mp.messaging.incoming.workflow-commands.queue.name", "flag-service.commands.outage-test",
                "mp.messaging.incoming.workflow-commands.queue.durable", "false",
                "mp.messaging.incoming.workflow-commands.queue.auto-delete", "true",
                "mp.messaging.incoming.workflow-commands.auto-bind-dlq", "false");
    }
}
