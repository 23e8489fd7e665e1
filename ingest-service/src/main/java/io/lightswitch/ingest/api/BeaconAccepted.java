package io.lightswitch.ingest.api;

import java.util.List;

/** The answer to an accepted beacon: events kept, events dropped, and why each was dropped. */
public record BeaconAccepted(int accepted, int rejected, List<Problem.FieldError> errors) {
}
