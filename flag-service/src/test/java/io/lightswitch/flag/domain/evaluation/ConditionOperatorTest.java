package io.lightswitch.flag.domain.evaluation;

import static io.lightswitch.flag.domain.evaluation.Flags.booleanFlag;
import static io.lightswitch.flag.domain.evaluation.Flags.off;
import static io.lightswitch.flag.domain.evaluation.Flags.on;
import static io.lightswitch.flag.domain.evaluation.Flags.rule;
import static io.lightswitch.flag.domain.evaluation.Flags.unless;
import static io.lightswitch.flag.domain.evaluation.Flags.when;
import static io.lightswitch.flag.domain.model.Operator.AFTER;
import static io.lightswitch.flag.domain.model.Operator.BEFORE;
import static io.lightswitch.flag.domain.model.Operator.CONTAINS;
import static io.lightswitch.flag.domain.model.Operator.ENDS_WITH;
import static io.lightswitch.flag.domain.model.Operator.EQUALS;
import static io.lightswitch.flag.domain.model.Operator.GT;
import static io.lightswitch.flag.domain.model.Operator.GTE;
import static io.lightswitch.flag.domain.model.Operator.IN;
import static io.lightswitch.flag.domain.model.Operator.LT;
import static io.lightswitch.flag.domain.model.Operator.LTE;
import static io.lightswitch.flag.domain.model.Operator.MATCHES;
import static io.lightswitch.flag.domain.model.Operator.SEMVER_EQ;
import static io.lightswitch.flag.domain.model.Operator.SEMVER_GT;
import static io.lightswitch.flag.domain.model.Operator.SEMVER_GTE;
import static io.lightswitch.flag.domain.model.Operator.SEMVER_LT;
import static io.lightswitch.flag.domain.model.Operator.SEMVER_LTE;
import static io.lightswitch.flag.domain.model.Operator.STARTS_WITH;
import static org.assertj.core.api.Assertions.assertThat;

import io.lightswitch.flag.domain.model.Condition;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionOperatorTest {

    @Test
    void equalsComparesStringsCaseSensitively() {
        assertThat(holds(when("country", EQUALS, "DE"), "DE")).isTrue();
        assertThat(holds(when("country", EQUALS, "DE"), "de")).isFalse();
    }

    @Test
    void equalsComparesNumbersAndBooleansByTheirText() {
        assertThat(holds(when("seats", EQUALS, "5"), 5)).isTrue();
        assertThat(holds(when("seats", EQUALS, "5"), 5.0)).isTrue();
        assertThat(holds(when("seats", EQUALS, 5), "5")).isTrue();
        assertThat(holds(when("seats", EQUALS, 5.0), 5L)).isTrue();
        assertThat(holds(when("seats", EQUALS, "5"), new BigDecimal("5.00"))).isTrue();
        assertThat(holds(when("ratio", EQUALS, "0.25"), 0.25)).isTrue();
        assertThat(holds(when("beta", EQUALS, "true"), true)).isTrue();
        assertThat(holds(when("beta", EQUALS, true), "true")).isTrue();
        assertThat(holds(when("seats", EQUALS, 5), "5.0")).isFalse();
    }

    @Test
    void inMatchesAnyOfItsValues() {
        Condition country = when("country", IN, "DE", "FR", "IT");

        assertThat(holds(country, "FR")).isTrue();
        assertThat(holds(country, "ES")).isFalse();
    }

    @Test
    void inWithManyValuesStillMatchesEachOfThem() {
        Object[] countries = {"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", 42};
        Condition eu = when("country", IN, countries);

        assertThat(Arrays.stream(countries)).allMatch(country -> holds(eu, country));
        assertThat(holds(eu, "US")).isFalse();
        assertThat(holds(eu, 42.0)).isTrue();
    }

    @Test
    void listAttributeMatchesWhenAnyElementMatches() {
        Condition admins = when("groups", IN, "admin");

        assertThat(holds(admins, List.of("dev", "admin"))).isTrue();
        assertThat(holds(admins, Arrays.asList("dev", null))).isFalse();
        assertThat(holds(admins, List.of())).isFalse();
        assertThat(holds(unless("groups", IN, "admin"), List.of("dev"))).isTrue();
        assertThat(holds(when("scores", GT, 90), List.of(12, 95))).isTrue();
    }

    @Test
    void textFragmentsMatchCaseSensitively() {
        assertThat(holds(when("email", STARTS_WITH, "admin@"), "admin@example.com")).isTrue();
        assertThat(holds(when("email", STARTS_WITH, "Admin@"), "admin@example.com")).isFalse();
        assertThat(holds(when("email", ENDS_WITH, "@example.com", "@example.org"), "bob@example.org")).isTrue();
        assertThat(holds(when("email", ENDS_WITH, "@example.com"), "bob@example.org")).isFalse();
        assertThat(holds(when("plan", CONTAINS, "pro"), "enterprise-pro-2024")).isTrue();
        assertThat(holds(when("plan", CONTAINS, "Pro"), "enterprise-pro-2024")).isFalse();
        assertThat(holds(when("build", STARTS_WITH, "12"), 1234)).isTrue();
    }

    @Test
    void matchesFindsThePatternAnywhereInTheText() {
        Condition staff = when("email", MATCHES, "@(corp|staff)\\.example\\.com$");

        assertThat(holds(staff, "ann@corp.example.com")).isTrue();
        assertThat(holds(staff, "ann@example.com")).isFalse();
        assertThat(holds(when("userAgent", MATCHES, "Android \\d+"), "Mozilla/5.0 (Linux; Android 14)")).isTrue();
    }

    @Test
    void numericOperatorsCompareNumbersAndNumericStrings() {
        assertThat(holds(when("age", GT, 17), 18)).isTrue();
        assertThat(holds(when("age", GT, 17), 17)).isFalse();
        assertThat(holds(when("age", GTE, 17), 17)).isTrue();
        assertThat(holds(when("age", LT, 17), 16.5)).isTrue();
        assertThat(holds(when("age", LT, 17), 17)).isFalse();
        assertThat(holds(when("age", LTE, "17"), 17)).isTrue();
        assertThat(holds(when("age", GT, 17), "42")).isTrue();
        assertThat(holds(when("balance", LT, 0), "-1.5e2")).isTrue();
        assertThat(holds(when("balance", GTE, 0), -0.0)).isTrue();
    }

    @Test
    void numericOperatorsNeverMatchNonNumericAttributes() {
        assertThat(holds(when("age", GT, 17), "abc")).isFalse();
        assertThat(holds(when("age", LT, 17), "NaN")).isFalse();
        assertThat(holds(when("age", LT, 17), "0x10")).isFalse();
        assertThat(holds(when("age", LT, 17), true)).isFalse();
        assertThat(holds(unless("age", GT, 17), "abc")).isTrue();
    }

    @Test
    void semverOperatorsComparePrecedenceNotText() {
        assertThat(holds(when("appVersion", SEMVER_GT, "1.9.0"), "1.10.0")).isTrue();
        assertThat(holds(when("appVersion", SEMVER_LT, "1.9.0"), "1.10.0")).isFalse();
        assertThat(holds(when("appVersion", SEMVER_GTE, "1.10.0"), "1.10.0")).isTrue();
        assertThat(holds(when("appVersion", SEMVER_LTE, "1.10.0"), "1.10.1")).isFalse();
        assertThat(holds(when("appVersion", SEMVER_LT, "2.0.0"), "2.0.0-beta.1")).isTrue();
        assertThat(holds(when("appVersion", SEMVER_GT, "2.0.0-beta.1"), "2.0.0")).isTrue();
        assertThat(holds(when("appVersion", SEMVER_GT, "2.0.0-alpha"), "2.0.0-beta")).isTrue();
    }

    @Test
    void semverOperatorsReadVersionsLeniently() {
        assertThat(holds(when("appVersion", SEMVER_EQ, "1.2"), "1.2.0")).isTrue();
        assertThat(holds(when("appVersion", SEMVER_EQ, "1.2.0"), "v1.2")).isTrue();
        assertThat(holds(when("appVersion", SEMVER_EQ, "3.0.0"), 3)).isTrue();
        assertThat(holds(when("appVersion", SEMVER_EQ, "1.2.3"), "1.2.3+build.7")).isTrue();
        assertThat(holds(when("appVersion", SEMVER_GTE, "1.0.0"), "banana")).isFalse();
        assertThat(holds(when("appVersion", SEMVER_GTE, "1.0.0"), true)).isFalse();
    }

    @Test
    void beforeAndAfterCompareInstantsDatesAndEpochMillis() {
        Condition beforeLaunch = when("signedUp", BEFORE, "2024-05-01T00:00:00Z");
        Condition afterLaunch = when("signedUp", AFTER, "2024-05-01");

        assertThat(holds(beforeLaunch, "2024-04-30T23:59:59Z")).isTrue();
        assertThat(holds(beforeLaunch, "2024-05-01T00:00:00Z")).isFalse();
        assertThat(holds(beforeLaunch, "2024-04-30")).isTrue();
        assertThat(holds(beforeLaunch, "2024-05-01T01:00:00+02:00")).isTrue();
        assertThat(holds(afterLaunch, "2024-05-01T00:00:00.001Z")).isTrue();
        assertThat(holds(afterLaunch, 1714521600000L)).isFalse();
        assertThat(holds(afterLaunch, 1714521600001L)).isTrue();
        assertThat(holds(when("signedUp", AFTER, 1714521600000L), "2024-05-02")).isTrue();
    }

    @Test
    void beforeAndAfterNeverMatchUnparsableAttributes() {
        assertThat(holds(when("signedUp", BEFORE, "2024-05-01"), "yesterday")).isFalse();
        assertThat(holds(when("signedUp", BEFORE, "2024-05-01"), "2024-13-45")).isFalse();
        assertThat(holds(when("signedUp", AFTER, "2024-05-01"), false)).isFalse();
    }

    @Test
    void missingAttributeNeverMatchesSoItsNegationAlwaysDoes() {
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("country", null);

        assertThat(holdsFor(when("country", EQUALS, "DE"), new EvaluationContext("u", Map.of()))).isFalse();
        assertThat(holdsFor(when("country", EQUALS, "DE"), new EvaluationContext("u", withNull))).isFalse();
        assertThat(holdsFor(unless("country", EQUALS, "DE"), new EvaluationContext("u", Map.of()))).isTrue();
        assertThat(holdsFor(unless("country", EQUALS, "DE"), new EvaluationContext("u", withNull))).isTrue();
    }

    @Test
    void negationInvertsAMatch() {
        assertThat(holds(unless("country", IN, "DE", "FR"), "DE")).isFalse();
        assertThat(holds(unless("country", IN, "DE", "FR"), "US")).isTrue();
    }

    @Test
    void targetingKeyAttributeReadsTheContextsTargetingKey() {
        Condition internal = when("targetingKey", STARTS_WITH, "staff-");

        assertThat(holdsFor(internal, new EvaluationContext("staff-7", Map.of()))).isTrue();
        assertThat(holdsFor(internal, new EvaluationContext("user-7", Map.of("targetingKey", "staff-7")))).isFalse();
        assertThat(holdsFor(internal, new EvaluationContext(null, Map.of()))).isFalse();
    }

    @Test
    void attributesOfUnsupportedTypesNeverMatch() {
        Map<String, Object> nested = Map.of("city", "Berlin");

        assertThat(holds(when("address", EQUALS, "Berlin"), nested)).isFalse();
        assertThat(holds(when("address", CONTAINS, "Berlin"), nested)).isFalse();
        assertThat(holds(when("address", GT, 1), nested)).isFalse();
        assertThat(holds(when("address", SEMVER_GT, "1.0.0"), nested)).isFalse();
        assertThat(holds(when("address", MATCHES, "B.*"), List.of(nested))).isFalse();
        assertThat(holds(when("address", AFTER, "2024-01-01"), new Object())).isFalse();
    }

    private static boolean holds(Condition condition, Object attributeValue) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(condition.attribute(), attributeValue);
        return holdsFor(condition, new EvaluationContext("user-1", attributes));
    }

    private static boolean holdsFor(Condition condition, EvaluationContext context) {
        CompiledFlag flag = Flags.compile(booleanFlag("probe", List.of(rule("probe", on(), condition)), off(), Map.of()));
        return flag.evaluate(context).reason() == Reason.TARGETING_MATCH;
    }
}
