package io.lightswitch.ingest.support;

import io.lightswitch.testing.TcpProxy;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Runs the application against RabbitMQ through a {@link TcpProxy}, so a test can take the broker away. */
public class BrokerOutageProfile implements QuarkusTestProfile {

    public static final TcpProxy PROXY = TcpProxy.toRabbitMq();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("rabbitmq-port", String.valueOf(PROXY.port()));
    }
}
