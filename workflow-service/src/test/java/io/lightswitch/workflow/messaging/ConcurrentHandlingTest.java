package io.lightswitch.workflow.messaging;

import static io.lightswitch.workflow.support.Api.uniqueProject;
import static io.lightswitch.workflow.support.Messages.anomalyDetected;
import static io.lightswitch.workflow.support.Messages.degraded;
import static io.lightswitch.workflow.support.Messages.impactAssessed;
import static org.assertj.core.api.Assertions.assertThat;

import io.lightswitch.contracts.Envelope;
import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.contracts.analytics.ImpactVerdict;
import io.lightswitch.contracts.workflow.DisableFlag;
import io.lightswitch.workflow.domain.reaction.Handled;
import io.lightswitch.workflow.domain.reaction.VerdictHandler;
import io.lightswitch.workflow.support.FlagServiceStub;
import io.lightswitch.workflow.support.Incidents;
import io.lightswitch.workflow.support.Tap;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Replicas share nothing but the database: handling the same messages in concurrent transactions, on
 * separate connections, is what two replicas (or a redelivery racing the original) do.
 */
@QuarkusTest
@WithTestResource(FlagServiceStub.class)
class ConcurrentHandlingTest {

    @Inject
    VerdictHandler handler;

    @Test
    void bothMessagesOfATurnAndTheirRedeliveriesHandledAtOnceOpenOneIncidentAndSendOneCommand() throws Exception {
        String project = uniqueProject("race");
        ImpactVerdict verdict = degraded(project, "production", "dark-mode");
        Envelope anomaly = anomalyDetected(verdict);
        Envelope assessed = impactAssessed(verdict);

        try (Tap tap = Tap.workflowCommands()) {
            List<Uni<Handled>> handlings = new ArrayList<>();
            for (int copy = 0; copy < 3; copy++) {
                handlings.add(handler.handle(anomaly, verdict));
                handlings.add(handler.handle(assessed, verdict));
            }
            List<Handled> outcomes = Uni.join().all(handlings).andFailFast().await().atMost(Duration.ofSeconds(30));

            assertThat(outcomes).filteredOn(h -> h == Handled.PROCESSED).hasSize(2);
            assertThat(outcomes).filteredOn(h -> h == Handled.DUPLICATE).hasSize(4);
            List<Map<String, Object>> incidents = Incidents.of(project, "dark-mode");
            assertThat(incidents).hasSize(1);
            assertThat(incidents.get(0)).containsEntry("verdicts", 2);

            tap.await(received -> project.equals(MessageCodec.payload(received.envelope(), DisableFlag.class)
                    .project()));
            Incidents.awaitDetail(project, (String) incidents.get(0).get("id"),
                    json -> "published".equals(json.getString("actions[0].status")));
            assertThat(tap.matching(received -> project.equals(MessageCodec.payload(received.envelope(),
                    DisableFlag.class).project()))).hasSize(1);
        }
    }
}
