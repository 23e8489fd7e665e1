package io.lightswitch.workflow.support;

import io.lightswitch.contracts.Envelope;
import io.lightswitch.contracts.Exchanges;
import io.lightswitch.contracts.GoldenSamples;
import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.contracts.MessageTypes;
import io.lightswitch.contracts.RoutingKeys;
import io.lightswitch.contracts.analytics.ImpactVerdict;
import io.lightswitch.contracts.flag.Actor;
import io.lightswitch.contracts.flag.FlagChanged;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/** Messages as analytics and flag-service publish them, built from the contracts' golden samples. */
public final class Messages {

    private Messages() {
    }

    /**
     * The golden AnomalyDetected verdict (dark-mode=on, error rate +5.1 points, 99% CS [+3.2, +7.0], 600 vs 5400
     * requests, localised to checkout-service POST /pay) moved to another project, environment and flag.
     */
    public static ImpactVerdict degraded(String project, String environment, String flagKey) {
        ImpactVerdict golden = MessageCodec.payload(GoldenSamples.envelope("AnomalyDetected"), ImpactVerdict.class);
        return new ImpactVerdict(project, environment, flagKey, golden.variant(), golden.service(),
                golden.operation(), golden.metric(), golden.status(), golden.previousStatus(), golden.reason(),
                golden.evidence(), golden.assessedAt(), golden.since(), golden.sentence());
    }

    /** The same subject's degradation turned again at another time: a new analytics turn. */
    public static ImpactVerdict at(ImpactVerdict v, Instant assessedAt) {
        return new ImpactVerdict(v.project(), v.environment(), v.flagKey(), v.variant(), v.service(), v.operation(),
                v.metric(), v.status(), v.previousStatus(), v.reason(), v.evidence(), assessedAt, assessedAt,
                v.sentence());
    }

    /** Recovered, for all traffic (no slice), as analytics publishes a recovery. */
    public static ImpactVerdict healthy(ImpactVerdict v, Instant assessedAt) {
        return new ImpactVerdict(v.project(), v.environment(), v.flagKey(), v.variant(), null, null, v.metric(),
                ImpactVerdict.HEALTHY, ImpactVerdict.DEGRADED, "no_significant_change", v.evidence(), assessedAt,
                assessedAt, "errors back to normal for " + v.flagKey() + "=" + v.variant());
    }

    public static Envelope anomalyDetected(ImpactVerdict verdict) {
        return envelope(MessageTypes.ANOMALY_DETECTED, verdict);
    }

    public static Envelope impactAssessed(ImpactVerdict verdict) {
        return envelope(MessageTypes.IMPACT_ASSESSED, verdict);
    }

    public static FlagChanged flagChanged(String project, String environment, String flagKey, String change,
                                          Actor actor) {
        FlagChanged golden = MessageCodec.payload(GoldenSamples.envelope("FlagChanged"), FlagChanged.class);
        return new FlagChanged(project, environment, flagKey, golden.flagVersion(), change, actor, golden.reason(),
                golden.before(), golden.after());
    }

    public static Actor user() {
        return new Actor(Actor.USER, "tok_3f2a", "alice@example.com");
    }

    public static Actor rule(String ruleId) {
        return new Actor(Actor.RULE, ruleId, "some rule");
    }

    public static void publish(Envelope envelope) throws Exception {
        String exchange;
        String routingKey;
        switch (envelope.type()) {
            case MessageTypes.ANOMALY_DETECTED -> {
                exchange = Exchanges.ANALYTICS_EVENTS;
                routingKey = RoutingKeys.ANOMALY_DETECTED;
            }
            case MessageTypes.IMPACT_ASSESSED -> {
                exchange = Exchanges.ANALYTICS_EVENTS;
                routingKey = RoutingKeys.IMPACT_ASSESSED;
            }
            default -> {
                exchange = Exchanges.FLAG_EVENTS;
                routingKey = RoutingKeys.FLAG_CHANGED;
            }
        }
        Broker.publish(exchange, routingKey, MessageCodec.encode(envelope));
    }

    public static Envelope publish(ImpactVerdict verdict) throws Exception {
        Envelope envelope = anomalyDetected(verdict);
        publish(envelope);
        return envelope;
    }

    public static Envelope publish(FlagChanged change) throws Exception {
        Envelope envelope = envelope(MessageTypes.FLAG_CHANGED, change);
        publish(envelope);
        return envelope;
    }

    public static Envelope envelope(String type, Object payload) {
        return MessageCodec.wrap(UUID.randomUUID(), type, "test", payload, Clock.system(ZoneOffset.UTC));
    }
}
