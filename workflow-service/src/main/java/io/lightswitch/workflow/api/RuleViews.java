package io.lightswitch.workflow.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.lightswitch.workflow.domain.ValidationException;
import io.lightswitch.workflow.domain.rule.Action;
import io.lightswitch.workflow.domain.rule.Condition;
import io.lightswitch.workflow.domain.rule.FlagSelector;
import io.lightswitch.workflow.domain.rule.IncreaseUnit;
import io.lightswitch.workflow.domain.rule.Rule;
import io.lightswitch.workflow.domain.rule.Scope;
import io.lightswitch.workflow.domain.rule.Trigger;
import io.lightswitch.workflow.persistence.StoredRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the rules API. */
public final class RuleViews {

    private RuleViews() {
    }

    @Schema(description = "A workflow rule. Project and environment come from the path.")
    public record RuleRequest(
            @Schema(required = true) String name,
            @Schema(required = true, description = "VERDICT: analytics verdicts; FLAG_CHANGE: every flag change in scope")
            Trigger trigger,
            @Schema(required = true) ScopeBody scope,
            @Schema(description = "Verdict rules: error_rate, latency, latency_p50, js_error_rate, page_load.lcp,"
                    + " page_load.inp, page_load.cls") String metric,
            @Schema(description = "Verdict rules only") ConditionBody condition,
            @Schema(description = "Units the treatment needs before the rule may fire; default 0") Long minSamples,
            @Schema(description = "ISO-8601; verdict rules need one (PT0S for none), flag-change rules default to PT0S")
            Duration cooldown,
            @Schema(description = "Default true") Boolean enabled,
            @Schema(description = "Record incidents and the actions they would run, send nothing; default false")
            Boolean dryRun,
            @Schema(required = true) List<ActionBody> actions,
            @Schema(description = "On update: the version read; an If-Match header does the same") Long expectedVersion) {

        /**
         * The domain rule, and the webhook actions that keep the secret stored for them ({@code signed: true}
         * without a {@code secret}, as a rule read from the API comes back).
         */
        Draft toDraft(String project, String environment) {
            List<Action> domainActions = null;
            Set<Integer> keepSecret = new HashSet<>();
            if (actions != null) {
                domainActions = new ArrayList<>();
                for (int i = 0; i < actions.size(); i++) {
                    ActionBody action = actions.get(i);
                    domainActions.add(action == null ? null : action.toDomain());
                    if (action instanceof CallWebhookBody webhook && webhook.secret() == null
                            && Boolean.TRUE.equals(webhook.signed())) {
                        keepSecret.add(i);
                    }
                }
            }
            FlagSelector flags = scope == null ? null : scope.toSelector();
            Duration ruleCooldown = cooldown == null && trigger == Trigger.FLAG_CHANGE ? Duration.ZERO : cooldown;
            Rule rule = new Rule(null, name, new Scope(project, environment, flags), trigger, metric,
                    condition == null ? null : condition.toDomain(), minSamples == null ? 0 : minSamples,
                    ruleCooldown, enabled == null || enabled, dryRun != null && dryRun, domainActions);
            return new Draft(rule, keepSecret);
        }
    }

    /** A rule as received, and the positions of webhook actions that keep their stored secret. */
    public record Draft(Rule rule, Set<Integer> keepSecret) {
    }

    @Schema(description = "Which flags of the environment: exactly one of flagKey, tag or all")
    public record ScopeBody(@Schema(required = true) FlagsBody flags) {

        FlagSelector toSelector() {
            return flags == null ? null : flags.toSelector();
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FlagsBody(String flagKey, String tag, Boolean all) {

        FlagSelector toSelector() {
            int given = (flagKey != null ? 1 : 0) + (tag != null ? 1 : 0) + (Boolean.TRUE.equals(all) ? 1 : 0);
            if (given != 1) {
                throw ValidationException.of("scope.flags", "exactly one of flagKey, tag or all: true");
            }
            if (flagKey != null) {
                return FlagSelector.key(flagKey);
            }
            return tag != null ? FlagSelector.tag(tag) : FlagSelector.all();
        }

        static FlagsBody of(FlagSelector selector) {
            if (selector instanceof FlagSelector.ByKey byKey) {
                return new FlagsBody(byKey.flagKey(), null, null);
            }
            if (selector instanceof FlagSelector.ByTag byTag) {
                return new FlagsBody(null, byTag.tag(), null);
            }
            return new FlagsBody(null, null, true);
        }
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = AbsoluteThresholdBody.class, name = "AbsoluteThreshold"),
            @JsonSubTypes.Type(value = IncreaseOverControlBody.class, name = "IncreaseOverControl"),
            @JsonSubTypes.Type(value = IncreaseOverBaselineBody.class, name = "IncreaseOverBaseline")})
    @Schema(description = "AbsoluteThreshold {value}, or IncreaseOverControl / IncreaseOverBaseline"
            + " {amount, unit POINTS|PERCENT, confidence}",
            oneOf = {AbsoluteThresholdBody.class, IncreaseOverControlBody.class, IncreaseOverBaselineBody.class},
            discriminatorProperty = "type", discriminatorMapping = {
                    @DiscriminatorMapping(value = "AbsoluteThreshold", schema = AbsoluteThresholdBody.class),
                    @DiscriminatorMapping(value = "IncreaseOverControl", schema = IncreaseOverControlBody.class),
                    @DiscriminatorMapping(value = "IncreaseOverBaseline", schema = IncreaseOverBaselineBody.class)})
    public sealed interface ConditionBody {

        Condition toDomain();

        static ConditionBody of(Condition condition) {
            if (condition instanceof Condition.AbsoluteThreshold threshold) {
                return new AbsoluteThresholdBody(threshold.value());
            }
            if (condition instanceof Condition.IncreaseOverControl increase) {
                return new IncreaseOverControlBody(increase.amount(), increase.unit(), increase.confidence());
            }
            if (condition instanceof Condition.IncreaseOverBaseline increase) {
                return new IncreaseOverBaselineBody(increase.amount(), increase.unit(), increase.confidence());
            }
            return null;
        }
    }

    @Schema(description = "The treatment's value is above value: a fraction for rates, ms for timings")
    public record AbsoluteThresholdBody(Double value) implements ConditionBody {
        @Override
        public Condition toDomain() {
            return new Condition.AbsoluteThreshold(number(value));
        }
    }

    @Schema(description = "The treatment is above control by amount (points or percent) at the confidence")
    public record IncreaseOverControlBody(Double amount, IncreaseUnit unit, Double confidence) implements ConditionBody {
        @Override
        public Condition toDomain() {
            return new Condition.IncreaseOverControl(number(amount), unit, number(confidence));
        }
    }

    @Schema(description = "After a full toggle, above the baseline by amount (points or percent) at the confidence")
    public record IncreaseOverBaselineBody(Double amount, IncreaseUnit unit, Double confidence)
            implements ConditionBody {
        @Override
        public Condition toDomain() {
            return new Condition.IncreaseOverBaseline(number(amount), unit, number(confidence));
        }
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = DisableFlagBody.class, name = "DisableFlag"),
            @JsonSubTypes.Type(value = SetRolloutBody.class, name = "SetRollout"),
            @JsonSubTypes.Type(value = CallWebhookBody.class, name = "CallWebhook")})
    @Schema(description = "DisableFlag {}, SetRollout {split}, or CallWebhook {url, bodyTemplate, ...}",
            oneOf = {DisableFlagBody.class, SetRolloutBody.class, CallWebhookBody.class},
            discriminatorProperty = "type", discriminatorMapping = {
                    @DiscriminatorMapping(value = "DisableFlag", schema = DisableFlagBody.class),
                    @DiscriminatorMapping(value = "SetRollout", schema = SetRolloutBody.class),
                    @DiscriminatorMapping(value = "CallWebhook", schema = CallWebhookBody.class)})
    public sealed interface ActionBody {

        Action toDomain();

        static ActionBody of(Action action) {
            if (action instanceof Action.SetRollout setRollout) {
                return new SetRolloutBody(setRollout.split().stream()
                        .map(share -> new ShareBody(share.variant(), share.weight())).toList());
            }
            if (action instanceof Action.CallWebhook webhook) {
                return new CallWebhookBody(webhook.url(), webhook.method(), webhook.headers(),
                        webhook.bodyTemplate(), null, webhook.secret() != null, webhook.signatureHeader(),
                        webhook.maxAttempts(), webhook.initialBackoff());
            }
            return new DisableFlagBody();
        }
    }

    @Schema(description = "Turn the flag off in the rule's environment")
    public record DisableFlagBody() implements ActionBody {
        @Override
        public Action toDomain() {
            return new Action.DisableFlag();
        }
    }

    @Schema(description = "Replace the flag's default split; weights are percentages adding up to 100")
    public record SetRolloutBody(List<ShareBody> split) implements ActionBody {
        @Override
        public Action toDomain() {
            return new Action.SetRollout(split == null ? null : split.stream()
                    .map(share -> share == null ? null : new Action.SetRollout.Share(share.variant(),
                            number(share.weight())))
                    .toList());
        }
    }

    public record ShareBody(String variant, Double weight) {
    }

    /**
     * A webhook call. The secret is write-only: responses say {@code signed: true} instead, and a request with
     * {@code signed: true} and no secret keeps the one stored for that action.
     */
    @Schema(description = "Call a webhook with a JSON body rendered from a Mustache template (docs/workflow-webhooks.md)")
    public record CallWebhookBody(
            @Schema(required = true) String url,
            @Schema(description = "POST (default), PUT or PATCH") String method,
            Map<String, String> headers,
            @Schema(required = true) String bodyTemplate,
            @Schema(description = "Signs the body: header value sha256=<hex HMAC-SHA256>; never returned")
            @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String secret,
            @Schema(description = "In responses: whether a secret is set. In requests: true without a secret keeps"
                    + " the stored one") Boolean signed,
            @Schema(description = "Default X-Lightswitch-Signature") String signatureHeader,
            @Schema(description = "1 to 10, default 5") Integer maxAttempts,
            @Schema(description = "ISO-8601, default PT1S, at most PT10M") Duration initialBackoff)
            implements ActionBody {
        @Override
        public Action toDomain() {
            return new Action.CallWebhook(url, method, headers, bodyTemplate, secret, signatureHeader,
                    maxAttempts == null ? Action.CallWebhook.DEFAULT_MAX_ATTEMPTS : maxAttempts,
                    initialBackoff == null ? Action.CallWebhook.DEFAULT_INITIAL_BACKOFF : initialBackoff);
        }
    }

    public record ScopeView(String project, String environment, FlagsBody flags) {
    }

    public record RuleView(String id, String name, Trigger trigger, ScopeView scope, String metric,
                           ConditionBody condition, long minSamples, Duration cooldown, boolean enabled,
                           boolean dryRun, List<ActionBody> actions, boolean defaultGuard, long version,
                           Instant createdAt, Instant updatedAt) {

        static RuleView of(StoredRule stored) {
            Rule rule = stored.rule();
            return new RuleView(rule.id(), rule.name(), rule.trigger(),
                    new ScopeView(stored.project(), stored.environment(), FlagsBody.of(rule.scope().flags())),
                    rule.metric(), ConditionBody.of(rule.condition()), rule.minSamples(), rule.cooldown(),
                    rule.enabled(), rule.dryRun(), rule.actions().stream().map(ActionBody::of).toList(),
                    stored.defaultGuard(), stored.version(), stored.createdAt(), stored.updatedAt());
        }
    }

    /** A missing number stays invalid (NaN) so the validator names it, rather than turning into 0. */
    private static double number(Double value) {
        return value == null ? Double.NaN : value;
    }
}
