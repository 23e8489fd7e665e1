package io.lightswitch.workflow.domain.reaction;

import java.util.ArrayList;
import java.util.List;

/**
 * What one message's transaction did, gathered while it runs and applied (counted, relay and worker woken)
 * only after it committed.
 */
final class Effects {

    record Opened(String trigger, boolean dryRun) {
    }

    record ActionResult(String type, String result) {
    }

    final List<Opened> opened = new ArrayList<>();
    final List<String> closed = new ArrayList<>();
    final List<ActionResult> actions = new ArrayList<>();
    boolean commandsQueued;
    boolean webhooksQueued;
    boolean guardCreated;
    int cooledDown;
    boolean tagsUnavailable;
}
