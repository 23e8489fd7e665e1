package io.lightswitch.workflow.support;

import static io.lightswitch.workflow.support.Api.admin;
import static io.lightswitch.workflow.support.Api.rules;

import io.lightswitch.workflow.domain.rule.DefaultGuardRule;
import java.time.Duration;
import org.awaitility.Awaitility;

/** Makes workflow-service see an environment, as a first flag change there would. */
public final class Environments {

    private Environments() {
    }

    /** Publishes a person's flag change in the environment and waits for its default guard rule. */
    public static String see(String project, String environment) throws Exception {
        Messages.publish(Messages.flagChanged(project, environment, "setup", "created", Messages.user()));
        String guard = rules(project, environment) + "/" + DefaultGuardRule.idFor(project, environment);
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> admin().get(guard).statusCode() == 200);
        return DefaultGuardRule.idFor(project, environment);
    }

    /** Sees the environment and turns its guard off, so only the test's own rules act. */
    public static void seeWithoutGuard(String project, String environment) throws Exception {
        see(project, environment);
        Api.disableGuard(project, environment);
    }
}
