package io.lightswitch.workflow.domain.execution;

import io.lightswitch.workflow.domain.rule.Action;

/** The names actions have in the API, the database and the metrics. */
public final class ActionTypes {

    public static final String DISABLE_FLAG = "DisableFlag";
    public static final String SET_ROLLOUT = "SetRollout";
    public static final String CALL_WEBHOOK = "CallWebhook";

    private ActionTypes() {
    }

    public static String of(Action action) {
        if (action instanceof Action.DisableFlag) {
            return DISABLE_FLAG;
        }
        if (action instanceof Action.SetRollout) {
            return SET_ROLLOUT;
        }
        return CALL_WEBHOOK;
    }
}
