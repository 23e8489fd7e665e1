package io.lightswitch.ingest.rum;

import io.lightswitch.contracts.ingest.RumBatch;
import io.lightswitch.contracts.ingest.RumEvent;
import java.util.List;

/**
 * Turns a validated beacon into the {@link RumBatch} published on {@code rum.batch}. Project and
 * environment come from the client key that authenticated the request, never from the body. Browser, OS
 * and country are left null: analytics parses the user agent, and ingest has no geo lookup yet.
 */
public final class BeaconNormaliser {

    public RumBatch normalise(Beacon beacon, String project, String environment) {
        List<RumEvent> events = beacon.events().stream().map(BeaconNormaliser::event).toList();
        return new RumBatch(project, environment, beacon.sessionId(), beacon.userId(), beacon.pageUrl(),
                beacon.referrer(), beacon.userAgent(), null, null, null, beacon.flags(), events);
    }

    private static RumEvent event(BeaconEvent event) {
        if (event instanceof BeaconEvent.PageLoad p) {
            return RumEvent.pageLoad(p.at(), p.ttfbMs(), p.lcpMs(), p.inpMs(), p.cls());
        }
        if (event instanceof BeaconEvent.UserAction a) {
            return RumEvent.action(a.at(), a.name(), a.target());
        }
        if (event instanceof BeaconEvent.JsError e) {
            return RumEvent.jsError(e.at(), e.message(), e.errorType(), e.stack(), e.source(), e.line(), e.column());
        }
        if (event instanceof BeaconEvent.Custom c) {
            return RumEvent.custom(c.at(), c.name(), c.value(), c.props());
        }
        BeaconEvent.ReplayChunk r = (BeaconEvent.ReplayChunk) event;
        return RumEvent.replay(r.at(), r.seq(), r.rrwebEvents());
    }
}
