package io.lightswitch.flag.api;

import io.lightswitch.flag.domain.FlagDocuments;
import io.lightswitch.flag.domain.SegmentService.SegmentContent;
import io.lightswitch.flag.domain.model.Condition;
import io.lightswitch.flag.domain.model.Match;
import io.lightswitch.flag.persistence.Segment;
import java.time.Instant;
import java.util.List;

/** Request and response bodies of segments. */
public final class SegmentViews {

    private SegmentViews() {
    }

    /** A segment as written; on update {@code key} may be left out, and must not differ from the path. */
    public record SegmentRequest(String key, String name, String description, Match match,
                                 List<Condition> conditions) {
        SegmentContent content() {
            return new SegmentContent(name, description, match, conditions);
        }
    }

    public record SegmentView(String key, String name, String description, Match match, List<Condition> conditions,
                              Instant createdAt, Instant updatedAt) {
        static SegmentView of(Segment segment) {
            var definition = FlagDocuments.segmentDefinition(segment);
            return new SegmentView(segment.key, segment.name, segment.description, definition.match(),
                    definition.conditions(), segment.createdAt, segment.updatedAt);
        }
    }
}
