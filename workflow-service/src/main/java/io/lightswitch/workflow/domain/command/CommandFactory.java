package io.lightswitch.workflow.domain.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.contracts.analytics.ImpactVerdict;
import io.lightswitch.contracts.workflow.DisableFlag;
import io.lightswitch.contracts.workflow.SetRollout;
import io.lightswitch.workflow.domain.rule.Action;
import io.lightswitch.workflow.domain.rule.Rule;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Builds the commands an incident sends to flag-service on {@code lightswitch.workflow.commands}. The command
 * id depends only on the incident and the action's position in the rule, so resending after a crash or from the
 * other replica repeats the same command, which flag-service applies once.
 *
 * <p>Evidence is the verdict's evidence plus what it is about (metric, variant, service, operation), because
 * flag-service's audit log shows it without the verdict around it.
 */
public final class CommandFactory {

    private CommandFactory() {
    }

    public static DisableFlag disableFlag(Rule rule, String incidentId, int actionIndex, ImpactVerdict verdict) {
        return new DisableFlag(commandId(incidentId, actionIndex), verdict.project(), verdict.environment(),
                verdict.flagKey(), rule.id(), rule.name(), incidentId, reason(rule, verdict), evidence(verdict));
    }

    public static SetRollout setRollout(Rule rule, String incidentId, int actionIndex, Action.SetRollout action,
                                        ImpactVerdict verdict) {
        List<SetRollout.Share> split = action.split().stream()
                .map(share -> new SetRollout.Share(share.variant(), share.weight()))
                .toList();
        return new SetRollout(commandId(incidentId, actionIndex), verdict.project(), verdict.environment(),
                verdict.flagKey(), split, rule.id(), rule.name(), incidentId, reason(rule, verdict),
                evidence(verdict));
    }

    public static UUID commandId(String incidentId, int actionIndex) {
        String name = "command/v1\n" + incidentId + "\n" + actionIndex;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    static String reason(Rule rule, ImpactVerdict verdict) {
        return verdict.sentence() + " (rule: " + rule.name() + ")";
    }

    static ObjectNode evidence(ImpactVerdict verdict) {
        ObjectNode evidence = verdict.evidence() == null
                ? MessageCodec.mapper().createObjectNode()
                : (ObjectNode) MessageCodec.tree(verdict.evidence());
        evidence.put("metric", verdict.metric());
        evidence.put("variant", verdict.variant());
        evidence.put("status", verdict.status());
        if (verdict.service() != null) {
            evidence.put("service", verdict.service());
        }
        if (verdict.operation() != null) {
            evidence.put("operation", verdict.operation());
        }
        return evidence;
    }
}
